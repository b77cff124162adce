package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts of RSIB's ViT-B/8 from declared shapes only (nothing is allocated), against
 * method.md §5 (85,807,872, all frozen) and §14.8 (150 tensors under {@code dino_model.*}).
 */
class DinoParameterCountTest {

    private static TensorModule build(Finetune finetune) {
        DinoImageEncoderConfig d = new DinoVitB8ImageEncoderFactory().defaultConfig();
        DinoImageEncoderConfig c = new DinoImageEncoderConfig(d.width(), d.layers(), d.heads(), d.patchSize(),
                d.pretrainedGrid(), d.inputSize(), d.posEmbedScaleFactor(), d.taps(), d.finalOutput(), finetune,
                d.lrMultiplier(), d.weights());
        TensorModule module = new DinoVitB8ImageEncoderFactory().create(c, TestContexts.build()).module();
        assertThat(module.namedParameters().values()).noneMatch(Param::isInitialized);
        return module;
    }

    @Test
    void vitB8HasTheAuthorsCountAllFrozen() {
        DinoVitB8ImageEncoderFactory f = new DinoVitB8ImageEncoderFactory();
        TensorModule module = f.create(f.defaultConfig(), TestContexts.build()).module();
        assertThat(module.parameterCount()).isEqualTo(85_807_872L);
        assertThat(module.trainableParameterCount()).isZero();
        assertThat(module.namedParameters().values()).noneMatch(Param::trainable);
        assertThat(module.namedParameters()).hasSize(150);
        assertThat(module.namedParameters().keySet()).startsWith("cls_token", "pos_embed", "patch_embed.proj.weight",
                "patch_embed.proj.bias", "blocks.0.norm1.weight", "blocks.0.norm1.bias", "blocks.0.attn.qkv.weight",
                "blocks.0.attn.qkv.bias", "blocks.0.attn.proj.weight", "blocks.0.attn.proj.bias", "blocks.0.norm2.weight",
                "blocks.0.norm2.bias", "blocks.0.mlp.fc1.weight", "blocks.0.mlp.fc1.bias", "blocks.0.mlp.fc2.weight",
                "blocks.0.mlp.fc2.bias").endsWith("blocks.11.mlp.fc2.bias", "norm.weight", "norm.bias");
        assertThat(module.namedParameters().get("pos_embed").shape().getShape()).containsExactly(1, 785, 768);
        assertThat(module.namedParameters().get("patch_embed.proj.weight").shape().getShape()).containsExactly(768, 3, 8, 8);
        assertThat(module.namedParameters().get("blocks.5.mlp.fc1.weight").shape().getShape()).containsExactly(3072, 768);
    }

    @Test
    void finetuneModesOfTheAuthors() {
        // attention: every attn.qkv.weight and pos_embed
        assertThat(build(Finetune.ATTENTION).trainableParameterCount()).isEqualTo(12L * 2304 * 768 + 785L * 768);
        TensorModule full = build(Finetune.FULL);
        assertThat(full.trainableParameterCount()).isEqualTo(full.parameterCount());
        assertThat(build(Finetune.FROZEN).trainableParameterCount()).isZero();
        for (String name : List.of("pos_embed", "blocks.3.attn.qkv.weight")) {
            assertThat(Finetune.ATTENTION.trains(name)).as(name).isTrue();
        }
        for (String name : List.of("cls_token", "blocks.3.attn.qkv.bias", "blocks.3.attn.proj.weight", "norm.weight")) {
            assertThat(Finetune.ATTENTION.trains(name)).as(name).isFalse();
        }
    }
}
