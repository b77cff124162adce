package io.ovrsis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each slot's parameters live in the authors' detectron2 state dict (method.md §14.8). */
class AuthorsCheckpointKeysTest {

    private static final class Leaf extends TensorModule {
        Leaf(String... names) {
            for (String n : names) {
                param(n, new Shape(1), Init.zeros());
            }
        }
    }

    private static Map<String, Param> params(String... names) {
        return new Leaf(names).namedParameters();
    }

    @Test
    void encodersMapToTheirModelPrefixes() {
        Map<String, Param> p = params("auxEncoders.remoteclip.conv1.weight");
        assertThat(AuthorsCheckpoint.candidates("imageEncoder.transformer.resblocks.3.attn.q_proj_weight", p))
                .containsExactly("sem_seg_head.predictor.clip_model.visual.transformer.resblocks.3.attn.q_proj_weight");
        assertThat(AuthorsCheckpoint.candidates("textEncoder.token_embedding.weight", p))
                .containsExactly("sem_seg_head.predictor.clip_model.token_embedding.weight");
        assertThat(AuthorsCheckpoint.candidates("auxEncoders.remoteclip.conv1.weight", p))
                .containsExactly("sem_seg_head.predictor.clip_model_remote.visual.conv1.weight");
        assertThat(AuthorsCheckpoint.candidates("auxEncoders.dino.blocks.0.attn.qkv.weight", p))
                .containsExactly("dino_model.blocks.0.attn.qkv.weight");
    }

    @Test
    void aRemoteClipComponentHoldingTheWholeModelMapsBothTowers() {
        Map<String, Param> p = params("auxEncoders.remoteclip.visual.conv1.weight", "auxEncoders.remoteclip.ln_final.weight");
        assertThat(AuthorsCheckpoint.candidates("auxEncoders.remoteclip.visual.conv1.weight", p))
                .containsExactly("sem_seg_head.predictor.clip_model_remote.visual.conv1.weight");
        assertThat(AuthorsCheckpoint.candidates("auxEncoders.remoteclip.ln_final.weight", p))
                .containsExactly("sem_seg_head.predictor.clip_model_remote.ln_final.weight");
    }

    @Test
    void headModulesLiveUnderTheTransformerOrAtTheTopLevel() {
        Map<String, Param> p = params();
        assertThat(AuthorsCheckpoint.candidates("aggregator.dino_down_sample.weight", p))
                .containsExactly("sem_seg_head.predictor.transformer.dino_down_sample.weight", "dino_down_sample.weight");
        assertThat(AuthorsCheckpoint.candidates("fusion.layers.0.spatial_fusion.sa.norm1.weight", p))
                .startsWith("sem_seg_head.predictor.transformer.layers.0.spatial_fusion.sa.norm1.weight");
        assertThat(AuthorsCheckpoint.candidates("decoder.upsample1.weight", p)).contains("upsample1.weight");
    }

    @Test
    void anAuxiliaryEncoderWithoutAnAuthorsCounterpartIsNamedInTheError() {
        assertThatThrownBy(() -> AuthorsCheckpoint.candidates("auxEncoders.sam.patch.weight", params()))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("model.auxEncoders.remoteclip and model.auxEncoders.dino")
                .hasMessageContaining("\"sam\"");
    }
}
