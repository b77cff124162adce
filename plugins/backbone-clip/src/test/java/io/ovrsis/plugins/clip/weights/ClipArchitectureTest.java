package io.ovrsis.plugins.clip.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hint for a checkpoint whose tower sits under another key prefix than OpenAI's. */
class ClipArchitectureTest {
    private static Map<String, NDArray> keys(NDManager m, String... names) {
        Map<String, NDArray> t = new LinkedHashMap<>();
        for (String n : names) {
            t.put(n, m.zeros(new Shape(2, 3, 4, 4)));
        }
        return t;
    }

    @Test
    void namesTheExtraOrMissingPrefix() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(ClipArchitecture.prefixHint(keys(m, "model.visual.conv1.weight", "model.logit_scale"), "visual.",
                    "conv1.weight", "the image tower's")).isEqualTo(". The image tower's keys are under \"model.visual.\""
                    + " (e.g. model.visual.conv1.weight), where OpenAI's layout has them under \"visual.\": save the"
                    + " CLIP model's state dict itself, or rename the keys");
            assertThat(ClipArchitecture.prefixHint(keys(m, "class_embedding", "conv1.weight"), "visual.", "conv1.weight",
                    "the image tower's")).contains("keys are at the top level (e.g. conv1.weight)", "under \"visual.\"");
            assertThat(ClipArchitecture.prefixHint(keys(m, "module.token_embedding.weight"), "", "token_embedding.weight",
                    "the text tower's")).contains("The text tower's keys are under \"module.\"", "at the top level:");
        }
    }

    @Test
    void saysNothingWhenTheTowerIsNotThereAtAll() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(ClipArchitecture.prefixHint(keys(m, "blocks.0.attn.qkv.weight", "patch_embed.proj.weight"),
                    "visual.", "conv1.weight", "the image tower's")).isEmpty();
            // a key that merely ends in the same letters is no match
            assertThat(ClipArchitecture.prefixHint(keys(m, "visual.myconv1.weight"), "visual.", "conv1.weight",
                    "the image tower's")).isEmpty();
        }
    }
}
