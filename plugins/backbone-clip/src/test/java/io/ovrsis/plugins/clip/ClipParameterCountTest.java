package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts of the published towers, from declared shapes only (nothing is allocated),
 * against the counts of the authors' code in method.md §5.
 */
class ClipParameterCountTest {

    private static <C, T extends ModelComponent> TensorModule build(ComponentFactory<C, T> f, Finetune finetune) {
        TensorModule module = f.create(f.defaultConfig(), TestContexts.build("model.x")).module();
        module.setTrainableWhere(finetune::trains);
        assertThat(module.namedParameters().values()).noneMatch(Param::isInitialized);
        return module;
    }

    @Test
    void vitB16() {
        TensorModule image = build(new ClipVitB16ImageEncoderFactory(), Finetune.ATTENTION);
        TensorModule text = build(new ClipB16TextEncoderFactory(), Finetune.ATTENTION);
        assertThat(image.parameterCount()).isEqualTo(86_192_640L);
        assertThat(text.parameterCount()).isEqualTo(63_428_097L);
        assertThat(image.trainableParameterCount()).isEqualTo(12L * 2 * 768 * 768);
        assertThat(image.trainableParameterCount() + text.trainableParameterCount()).isEqualTo(20_447_232L);
        // the authors' split layout: 350 tensors for the whole CLIP model (method.md §14.8)
        assertThat(image.namedParameters().size() + text.namedParameters().size()).isEqualTo(350);
    }

    @Test
    void vitL14At336() {
        TensorModule image = build(new ClipVitL14At336ImageEncoderFactory(), Finetune.ATTENTION);
        TensorModule text = build(new ClipL14At336TextEncoderFactory(), Finetune.ATTENTION);
        assertThat(image.parameterCount()).isEqualTo(304_293_888L);
        assertThat(text.parameterCount()).isEqualTo(123_650_305L);
        assertThat(image.trainableParameterCount() + text.trainableParameterCount()).isEqualTo(64_487_424L);
    }

    @Test
    void remoteClipB32() {
        TensorModule image = build(new RemoteClipVitB32ImageEncoderFactory(), Finetune.FROZEN);
        TensorModule text = build(new RemoteClipB32TextEncoderFactory(), Finetune.FROZEN);
        assertThat(image.parameterCount()).isEqualTo(87_849_216L);
        assertThat(image.parameterCount() + text.parameterCount()).isEqualTo(151_277_313L);
        assertThat(image.trainableParameterCount() + text.trainableParameterCount()).isZero();
        assertThat(build(new ClipVitB32ImageEncoderFactory(), Finetune.ATTENTION).parameterCount()).isEqualTo(87_849_216L);
    }

    @Test
    void remoteClipWithItsStoredTextTowerCountsLikeTheAuthorsWholeModel() {
        RemoteClipVitB32ImageEncoderFactory f = new RemoteClipVitB32ImageEncoderFactory();
        ClipImageEncoderConfig d = f.defaultConfig();
        ClipImageEncoderConfig stored = new ClipImageEncoderConfig(d.width(), d.layers(), d.heads(), d.patchSize(),
                d.pretrainedGrid(), d.outputDim(), d.inputSize(), d.taps(), d.dense(), d.finalOutput(), d.finetune(),
                d.lrMultiplier(), d.weights(), d.weightsFormat(), StoredTextTower.clipB32());
        io.ovrsis.api.model.ImageEncoder encoder = f.create(stored, TestContexts.build("model.auxEncoders.remoteclip"));
        TensorModule whole = encoder.module();
        assertThat(whole.parameterCount()).isEqualTo(151_277_313L);
        assertThat(whole.trainableParameterCount()).isZero();
        assertThat(encoder.frozen()).isTrue();
        // OpenAI's whole-model names: the checkpoint's own keys
        assertThat(whole.namedParameters()).containsKeys("visual.conv1.weight", "visual.proj", "token_embedding.weight",
                "transformer.resblocks.11.attn.q_proj_weight", "text_projection", "logit_scale").hasSize(350);
    }

    @Test
    void fullFinetuneTrainsEveryBlockParameter() {
        TensorModule image = build(new ClipVitB16ImageEncoderFactory(), Finetune.FULL);
        long blocks = image.namedParameters().entrySet().stream().filter(e -> e.getKey().startsWith("transformer."))
                .mapToLong(e -> e.getValue().shape().size()).sum();
        assertThat(image.trainableParameterCount()).isEqualTo(blocks).isEqualTo(85_054_464L);
    }

    @Test
    void allTrainsEverythingAndTheRuleAppliesAtBuildTime() {
        ClipVitB16ImageEncoderFactory f = new ClipVitB16ImageEncoderFactory();
        // the preset's own rule (attention) is in force right after create(), before prepare()
        TensorModule preset = f.create(f.defaultConfig(), TestContexts.build("model.x")).module();
        assertThat(preset.trainableParameterCount()).isEqualTo(12L * 2 * 768 * 768);
        TensorModule all = build(f, Finetune.ALL);
        assertThat(all.trainableParameterCount()).isEqualTo(all.parameterCount());
    }
}
