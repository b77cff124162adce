package io.ovrsis.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.runtime.config.ExperimentBinder;
import io.ovrsis.runtime.config.ExperimentLoader;
import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.eval.TestTimeInput;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.plugin.PluginLocation;
import io.ovrsis.runtime.run.ComposedExperiment;
import io.ovrsis.runtime.run.Preparation;
import io.ovrsis.runtime.run.RuntimeEnvironment;
import io.ovrsis.runtime.train.GradMode;
import io.ovrsis.runtime.weights.TorchCheckpointReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pf4j.RuntimeMode;

/**
 * The authors' whole model in OVRSIS Lab: a tiny RSKT-Seg and a tiny CAT-Seg written by
 * {@code tools/reference/rsktseg_reference.py} as detectron2 {@code model_final.pth} files with the
 * authors' key structure, imported with {@link CheckpointStore#loadModel} into the experiments in
 * {@code src/test/resources/authors/}, composed from the real plugins of the source tree, and run on
 * the same two images: the logits must equal PyTorch's within 1e-4. Also the strictness of the import
 * on broken files.
 */
class AuthorsCheckpointParityIT {
    private static final double LOGITS_TOLERANCE = 1e-4;
    private static final Path PROJECT = Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = PROJECT.resolve("platform-runtime/src/test/resources/authors");
    private static PluginHost host;

    @BeforeAll
    static void startPlugins() {
        host = PluginHost.start(new PluginLocation(PROJECT.resolve("plugins"), RuntimeMode.DEVELOPMENT));
        GradMode.off();
    }

    @AfterAll
    static void stopPlugins() {
        if (host != null) {
            host.close();
        }
    }

    static ComposedExperiment compose(String variant, String... overrides) {
        LoadedExperiment loaded = new ExperimentLoader(PROJECT).load(FIXTURES.resolve(variant).resolve("experiment.yaml"),
                List.of(overrides));
        ExperimentSpec spec = new ExperimentBinder().bind(loaded, host.catalog());
        return ComposedExperiment.compose(loaded, spec, host.catalog(), PROJECT);
    }

    static RuntimeEnvironment environment() {
        return new RuntimeEnvironment(PROJECT, PROJECT.resolve("pretrain"), PROJECT.resolve("datasets"),
                new TorchCheckpointReader(), (task, total) -> ProgressReporter.silent());
    }

    /** The two fixture images through the authors' test path steps 1-2 (no resize, CLIP normalisation, zero padding to 32). */
    static NDArray images(OpenVocabSegmentor model, NDManager m) throws IOException {
        int[] rgb = Tensors.readNpy(m, FIXTURES.resolve("image_rgb.npy")).toIntArray();
        int n = 2;
        int h = 24;
        int w = 40;
        assertThat(rgb).hasSize(n * h * w * 3);
        NDList batch = new NDList();
        for (int b = 0; b < n; b++) {
            byte[] bytes = new byte[h * w * 3];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) rgb[b * bytes.length + i];
            }
            batch.add(TestTimeInput.normalisedPadded(new RgbImage(h, w, bytes, null), model.preprocess(),
                    new InferenceSettings(0, 2560, 32), m));
        }
        return NDArrays.concat(batch, 0);
    }

    /** method.md §1.1 and §8.1 step 2 by hand: (rgb - CLIP mean) / CLIP std in 0-255 units, zeros below and right. */
    static float[] normalisedPadded() throws IOException {
        double[] mean = {122.7709383, 116.7460125, 104.09373615};
        double[] std = {68.5005327, 66.6321579, 70.3231630};
        int[] rgb;
        try (NDManager m = NDManager.newBaseManager()) {
            rgb = Tensors.readNpy(m, FIXTURES.resolve("image_rgb.npy")).toIntArray();
        }
        float[] out = new float[2 * 3 * 32 * 64];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 40; x++) {
                        out[((b * 3 + c) * 32 + y) * 64 + x] = (float) ((rgb[((b * 24 + y) * 40 + x) * 3 + c] - mean[c]) / std[c]);
                    }
                }
            }
        }
        return out;
    }

    static float[] expected(String file) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            return Tensors.readNpy(m, FIXTURES.resolve(file)).toFloatArray();
        }
    }

    static List<String> classes() throws IOException {
        return Files.readAllLines(FIXTURES.resolve("classes.txt")).stream().filter(l -> !l.isBlank()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsktseg", "catseg"})
    void theImportedAuthorsModelGivesTheirLogits(String variant) throws IOException {
        ComposedExperiment experiment = compose(variant);
        OpenVocabSegmentor model = experiment.model();
        try (NDManager m = NDManager.newBaseManager()) {
            Preparation.prepareModel(experiment, environment(), m);
            CheckpointStore.loadModel(CheckpointStore.resolve(FIXTURES.resolve(variant).resolve("model_final.pth")),
                    model.module(), m);

            NDArray x = images(model, m);
            assertThat(x.getShape().getShape()).containsExactly(2, 3, 32, 64);
            double input = Tensors.maxAbsDiff(x, normalisedPadded());
            TextEmbeddings text = model.encodeText(classes(), m, false);
            double textDiff = Tensors.maxAbsDiff(text.embeddings(), expected(variant + "/text.npy"));
            OpenVocabSegmentor.Stage stage = model.stages(x, text, false);
            double cost = Tensors.maxAbsDiff(stage.cost().volume(), expected(variant + "/cost.npy"));
            double fused = Tensors.maxAbsDiff(stage.fused().volume(), expected(variant + "/fused.npy"));
            NDArray logits = model.forward(x, text, false);
            assertThat(logits.getShape().getShape()).containsExactly(2, 3, 32, 32);
            double out = Tensors.maxAbsDiff(logits, expected(variant + "/logits.npy"));
            System.out.printf(Locale.ROOT, "%s max |diff| vs PyTorch: input %.2e, text %.2e, cost %.2e, fused %.2e,"
                    + " logits %.2e (|logits| max %.3f)%n", variant, input, textDiff, cost, fused, out,
                    logits.abs().max().getFloat());
            assertThat(input).as("normalised padded input").isLessThanOrEqualTo(1e-6);
            assertThat(textDiff).as("text embeddings").isLessThanOrEqualTo(1e-5);
            assertThat(cost).as("cost volume").isLessThanOrEqualTo(1e-4);
            assertThat(fused).as("fused volume").isLessThanOrEqualTo(1e-4);
            assertThat(out).as("logits").isLessThanOrEqualTo(LOGITS_TOLERANCE);
        }
    }

    @Test
    void everyTensorOfTheFileIsUsedOrAKnownBuffer() throws IOException {
        ComposedExperiment rskt = compose("rsktseg");
        ComposedExperiment cat = compose("catseg");
        try (NDManager m = NDManager.newBaseManager()) {
            rskt.model().module().initialize(m, 0);
            cat.model().module().initialize(m, 0);
            AuthorsCheckpoint.Summary s = AuthorsCheckpoint.load(FIXTURES.resolve("rsktseg/model_final.pth"),
                    rskt.model().module(), m);
            assertThat(s.loaded()).isEqualTo(rskt.model().module().namedParameters().size()).isEqualTo(342);
            assertThat(s.skipped()).isZero();
            AuthorsCheckpoint.Summary c = AuthorsCheckpoint.load(FIXTURES.resolve("catseg/model_final.pth"),
                    cat.model().module(), m);
            assertThat(c.loaded()).isEqualTo(cat.model().module().namedParameters().size()).isEqualTo(216);
            assertThat(c.skipped()).isEqualTo(2); // layers.{0,1}.swin_block.block_2.attn_mask
            assertThat(c.skippedGroups()).singleElement().asString().contains("shifted-window masks");
        }
    }

    /** RemoteCLIP's text tower never runs: without storedTextTower it is skipped and the logits do not change. */
    @Test
    void withoutTheStoredTextTowerRemoteClipsTextKeysAreSkippedAndTheLogitsStay() throws IOException {
        ComposedExperiment experiment = compose("rsktseg", "model.auxEncoders.remoteclip.storedTextTower=null");
        OpenVocabSegmentor model = experiment.model();
        try (NDManager m = NDManager.newBaseManager()) {
            model.module().initialize(m, 0);
            AuthorsCheckpoint.Summary s = AuthorsCheckpoint.load(FIXTURES.resolve("rsktseg/model_final.pth"),
                    model.module(), m);
            assertThat(s.skipped()).isEqualTo(20); // embeddings 2, one block 14, ln_final 2, text_projection, logit_scale
            assertThat(s.skippedGroups()).singleElement().asString().contains("RemoteCLIP's text tower");
            NDArray x = images(model, m);
            NDArray logits = model.forward(x, model.encodeText(classes(), m, false), false);
            assertThat(Tensors.maxAbsDiff(logits, expected("rsktseg/logits.npy"))).isLessThanOrEqualTo(LOGITS_TOLERANCE);
        }
    }

    @Test
    void aMissingAndAnExtraTensorAreNamed() {
        ComposedExperiment cat = compose("catseg");
        try (NDManager m = NDManager.newBaseManager()) {
            cat.model().module().initialize(m, 0);
            assertThatThrownBy(() -> CheckpointStore.loadModel(FIXTURES.resolve("catseg/broken_keys.pth"),
                    cat.model().module(), m))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-CHECKPOINT"))
                    .hasMessageContaining("1 missing: sem_seg_head.predictor.transformer.head.bias (for decoder.head.bias (1))")
                    .hasMessageContaining("1 unexpected: sem_seg_head.predictor.transformer.layers.2.attention.norm1.weight (8)")
                    .hasMessageNotContaining("wrong");
        }
    }

    @Test
    void aWrongShapeIsNamedWithBothShapes() {
        ComposedExperiment cat = compose("catseg");
        try (NDManager m = NDManager.newBaseManager()) {
            cat.model().module().initialize(m, 0);
            assertThatThrownBy(() -> CheckpointStore.loadModel(FIXTURES.resolve("catseg/broken_shape.pth"),
                    cat.model().module(), m))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-CHECKPOINT"))
                    .hasMessageContaining("1 wrong: sem_seg_head.predictor.transformer.conv1.weight has shape (8, 4, 7, 7),"
                            + " aggregator.conv1.weight expects (8, 8, 7, 7)")
                    .hasMessageNotContaining("missing")
                    .hasMessageNotContaining("unexpected");
        }
    }

    @Test
    void theRsktSegFileDoesNotFitTheCatSegExperiment() {
        ComposedExperiment cat = compose("catseg");
        try (NDManager m = NDManager.newBaseManager()) {
            cat.model().module().initialize(m, 0);
            assertThatThrownBy(() -> CheckpointStore.loadModel(FIXTURES.resolve("rsktseg/model_final.pth"),
                    cat.model().module(), m))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("conv1.weight has shape (8, 4, 7, 7)")
                    .hasMessageContaining("unexpected: dino_decod_proj1.bias")
                    .hasMessageContaining("CAT-Seg or RS-Fusion");
        }
    }
}
