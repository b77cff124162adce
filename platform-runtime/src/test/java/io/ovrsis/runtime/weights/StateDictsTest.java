package io.ovrsis.runtime.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.weights.StateDict;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDictsTest {
    private static final Path SOURCE = Path.of("ckpt.pth");

    private static StateDict dict(NDManager m, String... names) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            tensors.put(names[i], m.create((float) i));
        }
        return new StateDict(SOURCE, tensors);
    }

    @Test
    void stripsDinoPrefixesInAnyOrderAndKeepsOrderAndArrays() {
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict in = dict(m, "module.backbone.pos_embed", "backbone.module.cls_token",
                    "module.head.mlp.0.weight", "norm.weight", "module.");
            StateDict out = StateDicts.stripPrefixes(in, List.of("module.", "backbone."));
            assertThat(out.tensors().keySet()).containsExactly(
                    "pos_embed", "cls_token", "head.mlp.0.weight", "norm.weight", "module.");
            assertThat(out.tensors().get("pos_embed")).isSameAs(in.tensors().get("module.backbone.pos_embed"));
            assertThat(out.source()).isEqualTo(SOURCE);
        }
    }

    @Test
    void strippingThatMergesTwoNamesIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict in = dict(m, "module.w", "w");
            assertThatThrownBy(() -> StateDicts.stripPrefixes(in, "module."))
                    .isInstanceOfSatisfying(ComponentException.class,
                            e -> assertThat(e.code()).isEqualTo(TorchCheckpointReader.FORMAT_ERROR))
                    .hasMessageContaining("turns both 'module.w' and 'w' into 'w'");
        }
    }

    @Test
    void subtreeSelectsAndStripsOnePrefix() {
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict in = dict(m, "sem_seg_head.predictor.clip_model.visual.proj",
                    "sem_seg_head.predictor.clip_model_remote.visual.proj",
                    "sem_seg_head.predictor.clip_model.logit_scale", "upsample1.weight");
            StateDict clip = StateDicts.subtree(in, "sem_seg_head.predictor.clip_model.");
            assertThat(clip.tensors().keySet()).containsExactly("visual.proj", "logit_scale");
        }
    }

    @Test
    void subtreeWithoutMatchesNamesSomeKeys() {
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict in = dict(m, "a.x", "b.y");
            assertThatThrownBy(() -> StateDicts.subtree(in, "dino_model."))
                    .isInstanceOfSatisfying(ComponentException.class,
                            e -> assertThat(e.code()).isEqualTo(TorchCheckpointReader.MISSING_ERROR))
                    .hasMessageContaining("no tensor name starts with 'dino_model.'")
                    .hasMessageContaining("a.x, b.y");
        }
    }
}
