package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.plugins.clip.weights.ClipWeightLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key mapping, conversions and strictness of weight loading, on hand-made state dicts. */
class ClipWeightLoadingTest {
    private static final Path FILE = Path.of("pretrain/hand-made.pt");

    /** A tiny image tower: width 8, 1 block, 2 heads, patch 4, grid 2, output 4. */
    private static TensorModule tinyVisual() {
        ClipImageEncoderConfig c = new ClipImageEncoderConfig(8, 1, 2, 4, 2, 4, 8, List.of(0), true, true,
                Finetune.ATTENTION, 0.01, null, WeightsFormat.OPENAI, null);
        return new ClipImageEncoderFactory().create(c, TestContexts.build("model.imageEncoder")).module();
    }

    /** An OpenAI-layout dict for {@code module}: fused in_proj_weight, fp16 where OpenAI has it, scalars. */
    private static Map<String, NDArray> openAiDict(TensorModule module, NDManager m, String prefix) {
        Map<String, NDArray> d = new LinkedHashMap<>();
        int seed = 1;
        for (Map.Entry<String, Param> e : module.namedParameters().entrySet()) {
            String k = e.getKey();
            if (k.endsWith("k_proj_weight") || k.endsWith("v_proj_weight")) {
                continue;
            }
            Shape s = e.getValue().shape();
            if (k.endsWith("q_proj_weight")) {
                s = new Shape(3 * s.get(0), s.get(1));
                k = k.replace("q_proj_weight", "in_proj_weight");
            }
            NDArray a = m.arange(0f, (float) s.size()).reshape(s).mul(0.001f * seed++).add(0.1f);
            if (ClipWeightLoader.roundsThroughHalf(k.replace("in_proj_weight", "q_proj_weight"))) {
                a = a.toType(DataType.FLOAT16, false);
            }
            d.put(prefix + k, a);
        }
        d.put("input_resolution", m.create(8L));
        d.put("context_length", m.create(77L));
        d.put("vocab_size", m.create(49408L));
        return d;
    }

    @Test
    void openAiLayoutIsSplitWidenedAndTheScalarsAreDropped() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule visual = tinyVisual();
            visual.initialize(m, 1L);
            Map<String, NDArray> d = openAiDict(visual, m, "visual.");
            d.put("token_embedding.weight", m.zeros(new Shape(3, 2)));   // the text half is not the image tower's
            NDArray fused = d.get("visual.transformer.resblocks.0.attn.in_proj_weight");
            int rounded = ClipWeightLoader.load(visual, new StateDict(FILE, d), ClipWeightLoader.Tower.IMAGE,
                    WeightsFormat.OPENAI, "model.imageEncoder", "clip-vit");
            assertThat(rounded).isZero();
            Map<String, Param> p = visual.namedParameters();
            NDArray f32 = fused.toType(DataType.FLOAT32, false);
            assertThat(p.get("transformer.resblocks.0.attn.q_proj_weight").array().contentEquals(f32.get("0:8, :"))).isTrue();
            assertThat(p.get("transformer.resblocks.0.attn.k_proj_weight").array().contentEquals(f32.get("8:16, :"))).isTrue();
            assertThat(p.get("transformer.resblocks.0.attn.v_proj_weight").array().contentEquals(f32.get("16:24, :"))).isTrue();
            assertThat(p.get("conv1.weight").array().getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(p.get("conv1.weight").array().contentEquals(d.get("visual.conv1.weight").toType(DataType.FLOAT32, false)))
                    .isTrue();
            assertThat(p.get("positional_embedding").array().contentEquals(d.get("visual.positional_embedding"))).isTrue();
        }
    }

    @Test
    void theAuthorsSplitLayoutLoadsToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule source = tinyVisual();
            source.initialize(m, 5L);
            Map<String, NDArray> d = new LinkedHashMap<>();
            source.namedParameters().forEach((k, v) -> d.put("visual." + k, v.array()));
            TensorModule target = tinyVisual();
            target.initialize(m, 9L);
            ClipWeightLoader.load(target, new StateDict(FILE, d), ClipWeightLoader.Tower.IMAGE, WeightsFormat.OPENAI,
                    "model.imageEncoder", "clip-vit");
            target.namedParameters().forEach((k, v) ->
                    assertThat(v.array().contentEquals(source.namedParameters().get(k).array())).as(k).isTrue());
        }
    }

    @Test
    void remoteClipRoundsExactlyTheConvertedTensorsThroughHalfPrecision() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule visual = tinyVisual();
            visual.initialize(m, 1L);
            Map<String, NDArray> d = new LinkedHashMap<>();
            visual.namedParameters().forEach((k, v) -> d.put("visual." + k,
                    m.full(v.shape(), 0.1f + 1e-5f)));
            int rounded = ClipWeightLoader.load(visual, new StateDict(FILE, d), ClipWeightLoader.Tower.IMAGE,
                    WeightsFormat.REMOTECLIP, "model.auxEncoders.remoteclip", "remoteclip-vit-b32");
            // conv1, proj and 10 per block (q, k, v, in_proj_bias, out_proj, c_fc, c_proj weights and biases)
            assertThat(rounded).isEqualTo(12);
            float half = m.create(0.1f + 1e-5f).toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false).getFloat();
            Map<String, Param> p = visual.namedParameters();
            for (String k : List.of("conv1.weight", "proj", "transformer.resblocks.0.attn.q_proj_weight",
                    "transformer.resblocks.0.attn.in_proj_bias", "transformer.resblocks.0.mlp.c_proj.bias")) {
                assertThat(p.get(k).array().toFloatArray()[0]).as(k).isEqualTo(half);
            }
            for (String k : List.of("class_embedding", "positional_embedding", "ln_pre.weight",
                    "transformer.resblocks.0.ln_1.bias", "ln_post.weight")) {
                assertThat(p.get(k).array().toFloatArray()[0]).as(k).isEqualTo(0.1f + 1e-5f);
            }
        }
    }

    @Test
    void aStoredTextTowerLoadsFromTheSameFileAndIsRoundedLikeTheAuthors() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipImageEncoderConfig r = ReferenceFixtures.remoteImage("unused");
            ClipImageEncoderConfig stored = new ClipImageEncoderConfig(r.width(), r.layers(), r.heads(), r.patchSize(),
                    r.pretrainedGrid(), r.outputDim(), r.inputSize(), r.taps(), r.dense(), r.finalOutput(),
                    r.finetune(), r.lrMultiplier(), r.weights(), r.weightsFormat(), new StoredTextTower(16, 2, 2, 56, 260));
            TensorModule whole = new RemoteClipVitB32ImageEncoderFactory()
                    .create(stored, TestContexts.build("model.auxEncoders.remoteclip")).module();
            whole.initialize(m, 1L);
            Map<String, NDArray> d = new LinkedHashMap<>();
            whole.namedParameters().forEach((k, v) -> d.put(k, m.full(v.shape(), 0.1f + 1e-5f)));
            int rounded = ClipWeightLoader.load(whole, new StateDict(FILE, d), ClipWeightLoader.Tower.WHOLE,
                    WeightsFormat.REMOTECLIP, "model.auxEncoders.remoteclip", "remoteclip-vit-b32");
            // image: conv1, proj, 10 per block x 3; text: text_projection, 10 per block x 2
            assertThat(rounded).isEqualTo(2 + 30 + 1 + 20);
            float half = m.create(0.1f + 1e-5f).toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false).getFloat();
            Map<String, Param> p = whole.namedParameters();
            for (String k : List.of("visual.conv1.weight", "text_projection", "transformer.resblocks.1.attn.v_proj_weight",
                    "visual.transformer.resblocks.2.mlp.c_fc.bias")) {
                assertThat(p.get(k).array().toFloatArray()[0]).as(k).isEqualTo(half);
            }
            for (String k : List.of("token_embedding.weight", "positional_embedding", "ln_final.weight", "logit_scale",
                    "visual.class_embedding")) {
                assertThat(p.get(k).array().toFloatArray()[0]).as(k).isEqualTo(0.1f + 1e-5f);
            }
            d.remove("token_embedding.weight");
            assertThatThrownBy(() -> ClipWeightLoader.load(whole, new StateDict(FILE, d), ClipWeightLoader.Tower.WHOLE,
                    WeightsFormat.REMOTECLIP, "model.auxEncoders.remoteclip", "remoteclip-vit-b32"))
                    .hasMessageContaining("missing keys: token_embedding.weight");
        }
    }

    @Test
    void roundedSetOfTheFullB32Checkpoint() {
        TensorModule image = new RemoteClipVitB32ImageEncoderFactory().create(
                new RemoteClipVitB32ImageEncoderFactory().defaultConfig(), TestContexts.build("x")).module();
        TensorModule text = new RemoteClipB32TextEncoderFactory().create(
                new RemoteClipB32TextEncoderFactory().defaultConfig(), TestContexts.build("y")).module();
        long img = image.namedParameters().keySet().stream().filter(ClipWeightLoader::roundsThroughHalf).count();
        long txt = text.namedParameters().keySet().stream().filter(ClipWeightLoader::roundsThroughHalf).count();
        assertThat(img).isEqualTo(122);
        assertThat(txt).isEqualTo(121);
    }

    @Test
    void missingAndUnexpectedKeysAreListed() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule visual = tinyVisual();
            Map<String, NDArray> d = openAiDict(visual, m, "visual.");
            d.remove("visual.ln_post.bias");
            d.put("visual.transformer.resblocks.1.ln_1.weight", m.ones(new Shape(8)));
            assertThatThrownBy(() -> ClipWeightLoader.load(visual, new StateDict(FILE, d), ClipWeightLoader.Tower.IMAGE,
                    WeightsFormat.OPENAI, "model.imageEncoder", "clip-vit"))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-KEYS");
                        assertThat(e.keyPath()).isEqualTo("model.imageEncoder.weights");
                    })
                    .hasMessageContaining("pretrain/hand-made.pt: does not fit clip-vit (model.imageEncoder)")
                    .hasMessageContaining("1 missing keys: visual.ln_post.bias (8)")
                    .hasMessageContaining("1 unexpected keys: visual.transformer.resblocks.1.ln_1.weight (8)")
                    .hasMessageContaining("a CLIP ViT image tower without a preset (clip-vit): width 8, layers 2, patchSize 4,"
                            + " pretrainedGrid 2 (8 px), outputDim 4");
        }
    }

    @Test
    void aViTB32FileForTheB16TowerIsRecognised() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorModule b16 = new ClipVitB16ImageEncoderFactory().create(new ClipVitB16ImageEncoderFactory().defaultConfig(),
                    TestContexts.build("model.imageEncoder")).module();
            Map<String, NDArray> d = new LinkedHashMap<>();
            d.put("visual.conv1.weight", m.zeros(new Shape(768, 3, 32, 32), DataType.FLOAT16));
            d.put("visual.positional_embedding", m.zeros(new Shape(50, 768)));
            d.put("visual.proj", m.zeros(new Shape(768, 512), DataType.FLOAT16));
            for (int i = 0; i < 12; i++) {
                d.put("visual.transformer.resblocks." + i + ".ln_1.weight", m.zeros(new Shape(768)));
            }
            assertThatThrownBy(() -> ClipWeightLoader.load(b16, new StateDict(Path.of("pretrain/ViT-B-16.pt"), d),
                    ClipWeightLoader.Tower.IMAGE, WeightsFormat.OPENAI, "model.imageEncoder", "clip-vit-b16"))
                    .isInstanceOfSatisfying(ComponentException.class,
                            e -> assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-SHAPE"))
                    .hasMessageContaining("visual.conv1.weight has shape (768, 3, 32, 32), expected (768, 3, 16, 16)")
                    .hasMessageContaining("visual.positional_embedding has shape (50, 768), expected (197, 768)")
                    .hasMessageContaining("looks like a CLIP ViT-B/32 image tower (clip-vit-b32, remoteclip-vit-b32)")
                    .hasMessageContaining("heads 12, patchSize 32, pretrainedGrid 7 (224 px), outputDim 512");
        }
    }

    @Test
    void aMissingWeightFileNamesTheExpectedPathAndItsSource(@TempDir Path project) {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = new ClipVitB16ImageEncoderFactory().create(new ClipVitB16ImageEncoderFactory().defaultConfig(),
                    TestContexts.build("model.imageEncoder"));
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare("model.imageEncoder", project, m, null)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-MISSING");
                        assertThat(e.keyPath()).isEqualTo("model.imageEncoder.weights");
                    })
                    .hasMessageContaining(project.resolve("pretrain/ViT-B-16.pt").toString())
                    .hasMessageContaining("published by OpenAI")
                    .hasMessageContaining("weights: null");
            TextEncoder text = new RemoteClipB32TextEncoderFactory().create(
                    new RemoteClipB32TextEncoderFactory().defaultConfig(), TestContexts.build("model.textEncoder"));
            assertThatThrownBy(() -> text.prepare(TestContexts.prepare("model.textEncoder", project, m, null)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-MISSING");
                        assertThat(e.keyPath()).isEqualTo("model.textEncoder.vocab");
                    })
                    .hasMessageContaining(project.resolve("pretrain/bpe_simple_vocab_16e6.txt.gz").toString())
                    .hasMessageContaining("tokenizer: bytes");
        }
    }

    @Test
    void readerErrorsAreReportedUnderTheWeightsKey(@TempDir Path project) throws Exception {
        java.nio.file.Files.createDirectories(project.resolve("pretrain"));
        java.nio.file.Files.writeString(project.resolve("pretrain/broken.pt"), "not a checkpoint");
        ClipImageEncoderConfig c = new ClipImageEncoderConfig(8, 1, 2, 4, 2, 4, 8, List.of(0), true, true,
                Finetune.ATTENTION, 0.01, "pretrain/broken.pt", WeightsFormat.OPENAI, null);
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = new ClipImageEncoderFactory().create(c, TestContexts.build("model.imageEncoder"));
            io.ovrsis.api.weights.StateDictReader formatError = (f, e, mgr) -> {
                throw new ComponentException("OVRSIS-WEIGHTS-FORMAT", "", f + ": not a PyTorch checkpoint");
            };
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare("model.imageEncoder", project, m, formatError)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-FORMAT");
                        assertThat(e.keyPath()).isEqualTo("model.imageEncoder.weights");
                    });
            io.ovrsis.api.weights.StateDictReader ioError = (f, e, mgr) -> {
                throw new java.io.IOException("truncated");
            };
            assertThatThrownBy(() -> enc.prepare(TestContexts.prepare("model.imageEncoder", project, m, ioError)))
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-WEIGHTS-READ");
                        assertThat(e.keyPath()).isEqualTo("model.imageEncoder.weights");
                    })
                    .hasMessageContaining("broken.pt could not be read as a PyTorch checkpoint: truncated");
        }
    }
}
