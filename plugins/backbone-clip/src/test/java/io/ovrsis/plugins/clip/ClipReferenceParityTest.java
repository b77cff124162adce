package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The towers loaded from the reference checkpoints through {@code prepare()} against PyTorch outputs
 * (tools/reference/clip_reference.py), max |diff| ≤ 1e-4: the OpenAI-style TorchScript archive
 * (fp16 weights, fused in_proj_weight, scalar entries) at the checkpoint's grid and at a larger one
 * (bicubic positional-embedding resize), the ordinary last block, the text tower with one and with
 * eight templates, and the RemoteCLIP-style fp32 state dict with its fp16 rounding.
 */
class ClipReferenceParityTest {
    private static final double TOL = 1e-4;
    private static final List<String> CLASSES = List.of("bare soil", "Clutter/background", "tanks, storage");

    private static ImageEncoder image(ClipImageEncoderConfig c, NDManager m) {
        ImageEncoder enc = new ClipImageEncoderFactory().create(c, TestContexts.build("model.imageEncoder"));
        enc.module().initialize(m, 3L);
        enc.prepare(TestContexts.prepare("model.imageEncoder", Path.of("."), m, ReferenceFixtures.reader()));
        return enc;
    }

    private static TextEncoder text(ClipTextEncoderConfig c, NDManager m) {
        TextEncoder enc = new ClipTextEncoderFactory().create(c, TestContexts.build("model.textEncoder"));
        enc.module().initialize(m, 3L);
        enc.prepare(TestContexts.prepare("model.textEncoder", Path.of("."), m, ReferenceFixtures.reader()));
        return enc;
    }

    private static String weights(String name) {
        return ReferenceFixtures.file(name).toString();
    }

    private static void assertMaps(FeatureMaps maps, NDManager m, String prefix, int size) throws IOException {
        for (String map : List.of("dense", "block0", "block1")) {
            NDArray expected = ReferenceFixtures.npy(m, prefix + "_" + map + "_" + size);
            assertThat(maps.get(map).getShape()).as(map).isEqualTo(expected.getShape());
            double diff = Tensors.maxAbsDiff(maps.get(map), expected.toFloatArray());
            System.out.printf("parity %s %s %d: max |diff| %.2e%n", prefix, map, size, diff);
            assertThat(diff).as("%s %s at %d px", prefix, map, size).isLessThanOrEqualTo(TOL);
        }
    }

    @Test
    void openAiImageTowerAtTheCheckpointGridAndAtALargerGrid() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            String w = weights("clip_tiny_openai.pt");
            assertMaps(image(ReferenceFixtures.openAiImage(32, true, w), m).encode(ReferenceFixtures.npy(m, "image_32"),
                    false), m, "openai", 32);
            assertMaps(image(ReferenceFixtures.openAiImage(48, true, w), m).encode(ReferenceFixtures.npy(m, "image_48"),
                    false), m, "openai", 48);
            FeatureMaps plain = image(ReferenceFixtures.openAiImage(32, false, w), m)
                    .encode(ReferenceFixtures.npy(m, "image_32"), false);
            Tensors.assertClose(plain.get("dense"), ReferenceFixtures.npy(m, "openai_plain_32").toFloatArray(), TOL);
        }
    }

    @Test
    void openAiTextTower() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            String w = weights("clip_tiny_openai.pt");
            for (PromptTemplateSet set : List.of(PromptTemplateSet.SINGLE, PromptTemplateSet.RS)) {
                String label = set == PromptTemplateSet.SINGLE ? "single" : "rs";
                ClipTextEncoder enc = (ClipTextEncoder) text(ReferenceFixtures.openAiText(set, w), m);
                long[] ids = ReferenceFixtures.npy(m, "tokens_" + label).toLongArray();
                int row = 0;
                for (String c : CLASSES) {
                    for (String t : set.templates()) {
                        long[] mine = enc.tokenize(io.ovrsis.plugins.clip.text.PromptTemplates.fill(t, c));
                        long[] ref = java.util.Arrays.copyOfRange(ids, row * ReferenceFixtures.CONTEXT,
                                (row + 1) * ReferenceFixtures.CONTEXT);
                        assertThat(mine).as("%s / %s", c, t).containsExactly(ref);
                        row++;
                    }
                }
                NDArray e = enc.encode(CLASSES, m, false).embeddings();
                NDArray expected = ReferenceFixtures.npy(m, "openai_text_" + label);
                assertThat(e.getShape()).isEqualTo(expected.getShape());
                double diff = Tensors.maxAbsDiff(e, expected.toFloatArray());
                System.out.printf("parity openai text %s: max |diff| %.2e%n", label, diff);
                assertThat(diff).isLessThanOrEqualTo(TOL);
            }
        }
    }

    @Test
    void remoteClipTowersRoundThroughHalfPrecision() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            String w = weights("clip_tiny_remoteclip.safetensors");
            assertMaps(image(ReferenceFixtures.remoteImage(w), m).encode(ReferenceFixtures.npy(m, "image_48"), false), m,
                    "remoteclip", 48);
            NDArray e = text(ReferenceFixtures.remoteText(w), m).encode(CLASSES, m, false).embeddings();
            double diff = Tensors.maxAbsDiff(e, ReferenceFixtures.npy(m, "remoteclip_text_single").toFloatArray());
            System.out.printf("parity remoteclip text: max |diff| %.2e%n", diff);
            assertThat(diff).isLessThanOrEqualTo(TOL);
        }
    }

    @Test
    void withoutRoundingTheRemoteClipOutputsDiffer() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipImageEncoderConfig r = ReferenceFixtures.remoteImage(weights("clip_tiny_remoteclip.safetensors"));
            ClipImageEncoderConfig plain = new ClipImageEncoderConfig(r.width(), r.layers(), r.heads(), r.patchSize(),
                    r.pretrainedGrid(), r.outputDim(), r.inputSize(), r.taps(), r.dense(), r.finalOutput(), r.finetune(),
                    r.lrMultiplier(), r.weights(), WeightsFormat.OPENAI, null);
            FeatureMaps maps = image(plain, m).encode(ReferenceFixtures.npy(m, "image_48"), false);
            double diff = Tensors.maxAbsDiff(maps.get("dense"), ReferenceFixtures.npy(m, "remoteclip_dense_48").toFloatArray());
            System.out.printf("remoteclip dense without fp16 rounding: max |diff| %.2e%n", diff);
            assertThat(diff).isGreaterThan(TOL / 10);
        }
    }
}
