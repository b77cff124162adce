package io.ovrsis.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Against Pillow's own resize (tools/reference/runtime_reference.py). */
class PilResizeTest {

    private static int[] ref(NDManager m, String name) throws IOException {
        return Tensors.readNpy(m, Path.of("src/test/resources/reference", name + ".npy")).toIntArray();
    }

    private static byte[] bytes(int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static int maxDiff(byte[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xff) - b[i]));
        }
        return max;
    }

    @Test
    void bilinearMatchesPillowWithinOneLevel() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            RgbImage in = new RgbImage(37, 53, bytes(ref(m, "pil_in")), null);
            RgbImage down = PilResize.resize(in, 16, 21);
            assertThat(maxDiff(down.rgb(), ref(m, "pil_down_16x21"))).isLessThanOrEqualTo(1);
            RgbImage up = PilResize.resize(in, 61, 80);
            assertThat(maxDiff(up.rgb(), ref(m, "pil_up_61x80"))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void labelsUseNearest() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            int[] lab = ref(m, "pil_label_in");
            assertThat(PilResize.nearest(lab, 37, 53, 16, 21)).containsExactly(ref(m, "pil_label_nearest_16x21"));
        }
    }

    @Test
    void shortestEdgeFollowsDetectron2() {
        assertThat(PilResize.shortestEdgeSize(480, 640, 640, 2560)).containsExactly(640, 853);
        assertThat(PilResize.shortestEdgeSize(100, 4000, 640, 2560)).containsExactly(64, 2560);
        assertThat(PilResize.shortestEdgeSize(96, 96, 96, 2560)).containsExactly(96, 96);
    }
}
