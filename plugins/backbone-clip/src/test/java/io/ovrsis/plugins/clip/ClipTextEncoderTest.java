package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.model.TextEncoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiny CPU forwards of the text tower: (T, P, D) shape, normalisation, caching, prompt length. */
class ClipTextEncoderTest {
    private static final List<String> CLASSES = List.of("bare soil", "Clutter/background", "tanks");

    private static TextEncoder build(ClipTextEncoderConfig config, NDManager m) {
        TextEncoder enc = new ClipTextEncoderFactory().create(config, TestContexts.build("model.textEncoder"));
        enc.module().initialize(m, 5L);
        enc.prepare(TestContexts.prepare("model.textEncoder", Path.of("."), m, null));
        return enc;
    }

    @Test
    void everyTemplateGivesItsOwnNormalisedEmbedding() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = build(TestContexts.tinyText(PromptTemplateSet.RS, Finetune.ATTENTION), m);
            assertThat(enc.embeddingDim()).isEqualTo(16);
            assertThat(enc.templates()).hasSize(8).first().isEqualTo("a photo of a {} in the scene");
            TextEmbeddings e = enc.encode(CLASSES, m, false);
            assertThat(e.embeddings().getShape()).isEqualTo(new Shape(3, 8, 16));
            assertThat(e.classNames()).isEqualTo(CLASSES);
            assertThat(e.templates()).isEqualTo(enc.templates());
            float[] norms = e.embeddings().square().sum(new int[] {2}).sqrt().toFloatArray();
            for (float n : norms) {
                assertThat(n).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            }
            // different templates of one class differ
            assertThat(e.embeddings().get("0, 0").sub(e.embeddings().get("0, 1")).abs().max().getFloat()).isGreaterThan(1e-4f);
        }
    }

    @Test
    void aClassEncodedAloneEqualsItsRowInABatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = build(TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.FROZEN), m);
            NDArray batch = enc.encode(CLASSES, m, true).embeddings();
            // the longest prompt sets the cut length of the batch; alone, "tanks" is cut earlier
            NDArray alone = enc.encode(List.of("tanks"), m, true).embeddings();
            assertThat(alone.sub(batch.get("2:3")).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @Test
    void evaluationResultsAreCachedPerClassListAndTrainingDropsTheCache() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = build(TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.ATTENTION), m);
            NDArray first = enc.encode(CLASSES, m, false).embeddings();
            // change the weights: a cached answer keeps the old values
            enc.module().namedParameters().get("text_projection").array().muli(2f);
            NDArray cached = enc.encode(CLASSES, m, false).embeddings();
            assertThat(cached.sub(first).abs().max().getFloat()).isZero();
            assertThat(cached).isNotSameAs(first);
            first.close();
            assertThat(cached.isNaN().any().getBoolean()).isFalse();
            // another vocabulary is encoded anew
            assertThat(enc.encode(List.of("ship"), m, false).embeddings().getShape()).isEqualTo(new Shape(1, 1, 16));
            // a training call re-encodes and drops the cache
            enc.encode(CLASSES, m, true);
            enc.module().namedParameters().get("ln_final.bias").array().addi(1f);
            NDArray fresh = enc.encode(CLASSES, m, false).embeddings();
            assertThat(fresh.sub(cached).abs().max().getFloat()).isGreaterThan(1e-4f);
        }
    }

    @Test
    void aFrozenTowerIsCachedInTrainingToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = build(TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.FROZEN), m);
            NDArray first = enc.encode(CLASSES, m, true).embeddings();
            enc.module().namedParameters().get("text_projection").array().muli(2f);
            assertThat(enc.encode(CLASSES, m, true).embeddings().sub(first).abs().max().getFloat()).isZero();
        }
    }

    @Test
    void aPromptLongerThanTheContextNamesTheClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = build(TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.FROZEN), m);
            String longName = "a very long class name that keeps going well past the context of the tower";
            assertThatThrownBy(() -> enc.encode(List.of("ship", longName), m, false))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-TEXT-TOO-LONG");
                        assertThat(e.keyPath()).isEqualTo("model.textEncoder.contextLength");
                    })
                    .hasMessageContaining("class name \"" + longName + "\"").hasMessageContaining("contextLength 77");
        }
    }

    @Test
    void bpeTokenizerNeedsPrepare() {
        ClipTextEncoderConfig bpe = new ClipB16TextEncoderFactory().defaultConfig();
        ClipTextEncoder enc = (ClipTextEncoder) new ClipB16TextEncoderFactory().create(bpe, TestContexts.build("model.textEncoder"));
        assertThatThrownBy(() -> enc.tokenize("a photo")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepare()");
    }

    @Test
    void frozenAndAttentionRules() {
        ClipTextEncoderConfig c = TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.ATTENTION);
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder att = build(c, m);
            assertThat(att.module().namedParameters().entrySet().stream().filter(e -> e.getValue().trainable())
                    .map(java.util.Map.Entry::getKey).toList()).containsExactly(
                    "transformer.resblocks.0.attn.q_proj_weight", "transformer.resblocks.0.attn.v_proj_weight",
                    "transformer.resblocks.1.attn.q_proj_weight", "transformer.resblocks.1.attn.v_proj_weight");
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(att.encode(CLASSES, m, true).embeddings().get(":, :, 0").sum());
            }
            assertThat(att.module().namedParameters().get("transformer.resblocks.0.attn.q_proj_weight").array()
                    .getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            TextEncoder full = build(TestContexts.tinyText(PromptTemplateSet.SINGLE, Finetune.FULL), m);
            assertThat(full.module().namedParameters().get("transformer.resblocks.0.ln_1.weight").trainable()).isTrue();
            assertThat(full.module().namedParameters().get("token_embedding.weight").trainable()).isFalse();
            assertThat(full.module().namedParameters().get("text_projection").trainable()).isFalse();
        }
    }
}
