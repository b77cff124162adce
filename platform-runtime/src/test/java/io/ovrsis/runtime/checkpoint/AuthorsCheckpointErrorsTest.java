package io.ovrsis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.TensorModule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What {@link AuthorsCheckpoint#load} says about files that do not fit, on the weight reader's fixtures
 * ({@code tools/reference/checkpoint_fixtures.py}); the whole-model cases are in {@code AuthorsCheckpointParityIT}.
 */
class AuthorsCheckpointErrorsTest {

    private static final class Leaf extends TensorModule {
        Leaf(Object... nameAndShape) {
            for (int i = 0; i < nameAndShape.length; i += 2) {
                param((String) nameAndShape[i], (Shape) nameAndShape[i + 1], Init.zeros());
            }
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(AuthorsCheckpointErrorsTest.class.getResource("/weights/" + name).toURI());
    }

    /** detectron2_zip.pth: {"model": {clip_model.visual.proj (4, 2), clip_model.logit_scale (), upsample1.weight, backbone.bn...}}. */
    @Test
    void aTensorWithTheWrongShapeIsReportedOnceAsWrongNotAlsoAsUnexpected() throws Exception {
        TensorModule model = new Leaf("imageEncoder.proj", new Shape(4, 3), "textEncoder.logit_scale", new Shape(),
                "decoder.upsample1.weight", new Shape(4, 2, 2, 2));
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, 0);
            assertThatThrownBy(() -> AuthorsCheckpoint.load(fixture("detectron2_zip.pth"), model, m))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-CHECKPOINT"))
                    .hasMessageContaining("1 wrong: sem_seg_head.predictor.clip_model.visual.proj has shape (4, 2),"
                            + " imageEncoder.proj expects (4, 3).")
                    .hasMessageContaining("1 unexpected: backbone.bn.num_batches_tracked ().")
                    .hasMessageNotContaining("missing")
                    .hasMessageNotContaining("None of its");
        }
    }

    @Test
    void aFileWithNoneOfTheAuthorsKeysIsToldApart() throws Exception {
        TensorModule model = new Leaf("imageEncoder.conv1.weight", new Shape(2, 3, 1, 1));
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, 0);
            // basic_zip.pth is a bare state dict (no "model" entry) with keys f32, f16, i64, ...
            assertThatThrownBy(() -> AuthorsCheckpoint.load(fixture("basic_zip.pth"), model, m))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("None of its")
                    .hasMessageContaining("it is not an RSKT-Seg/CAT-Seg model_final.pth")
                    .hasMessageContaining("1 missing: sem_seg_head.predictor.clip_model.visual.conv1.weight");
        }
    }
}
