package io.ovrsis.runtime.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TorchScriptSchemaTest {

    @Test
    void readsParametersAndBuffersPerClassIncludingMangledModules() {
        String source = """
                class Multimodal(Module):
                  __parameters__ = ["positional_embedding", "text_projection", "logit_scale", ]
                  __buffers__ = ["input_resolution", "context_length", "vocab_size", ]
                  positional_embedding : Tensor
                  def forward(self: __torch__.Multimodal) -> Tensor:
                    return self.logit_scale
                class Empty(Module):
                  __parameters__ = []
                  __buffers__ = []
                class NotAModule(object):
                  x : int
                """;
        Map<String, Set<String>> names = new HashMap<>();
        TorchScriptSchema.parse("__torch__.multimodal.model.___torch_mangle_7", source, names);
        assertThat(names).containsOnlyKeys("__torch__.multimodal.model.___torch_mangle_7.Multimodal",
                "__torch__.multimodal.model.___torch_mangle_7.Empty");
        assertThat(names.get("__torch__.multimodal.model.___torch_mangle_7.Multimodal"))
                .containsExactly("positional_embedding", "text_projection", "logit_scale",
                        "input_resolution", "context_length", "vocab_size");
        assertThat(names.get("__torch__.multimodal.model.___torch_mangle_7.Empty")).isEmpty();
    }
}
