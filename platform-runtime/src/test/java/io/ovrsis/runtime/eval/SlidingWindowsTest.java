package io.ovrsis.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.runtime.data.RgbImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sliding-window path against PyTorch's Unfold/Fold version (tools/reference/sliding_reference.py). */
class SlidingWindowsTest {
    private static final InferenceSettings SETTINGS = new InferenceSettings(40, 2560, 32, 24);

    private static NDArray fixture(NDManager m, String name) throws Exception {
        return Tensors.readNpy(m, Path.of(SlidingWindowsTest.class.getResource("/reference/sliding_" + name + ".npy").toURI()));
    }

    @Test
    void viewsAreTheUnfoldedWindowsThenTheGlobalViewNormalised() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            int[] rgb = fixture(m, "rgb").toIntArray();
            byte[] bytes = new byte[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                bytes[i] = (byte) rgb[i];
            }
            NDArray views = SlidingWindows.views(new RgbImage(40, 56, bytes, null), PreprocessSpec.clip(24), SETTINGS, m);
            NDArray expected = fixture(m, "views");
            assertThat(views.getShape()).isEqualTo(expected.getShape());
            Tensors.assertClose(views, expected.toFloatArray(), 1e-4);
        }
    }

    @Test
    void probabilitiesAreFoldAveragedAndAveragedWithTheGlobalView() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray probs = SlidingWindows.probabilities(fixture(m, "logits"), SETTINGS);
            NDArray expected = fixture(m, "probs");
            assertThat(probs.getShape()).isEqualTo(expected.getShape());
            Tensors.assertClose(probs, expected.toFloatArray(), 1e-5);
        }
    }

    @Test
    void geometryThatNnFoldCannotCoverIsExplained() {
        assertThat(SlidingWindows.stride(384)).isEqualTo(256);
        assertThat(SlidingWindows.problem(640, 384)).isNull();
        assertThat(SlidingWindows.offsets(640, 384)).containsExactly(0, 256);
        assertThat(SlidingWindows.problem(700, 384)).contains("do not cover 700").contains("shortestEdge 640");
        assertThat(SlidingWindows.problem(320, 384)).contains("larger than the image side");
    }
}
