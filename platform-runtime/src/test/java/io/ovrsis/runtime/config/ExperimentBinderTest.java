package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.lines;
import static io.ovrsis.runtime.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.Slot;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentBinderTest {
    private static final ExperimentBinder BINDER = new ExperimentBinder();
    private static final FakeLookup LOOKUP = FakeLookup.rsktSeg();

    private static ExperimentSpec bind(String file, String... overrides) {
        return BINDER.bind(load(file, overrides), LOOKUP);
    }

    private static ConfigException bindFails(String file, String... overrides) {
        LoadedExperiment loaded = load(file, overrides);
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> BINDER.bind(loaded, LOOKUP));
        assertThat(failure).as("binding %s should fail", file).isNotNull();
        return failure;
    }

    @Test
    void absentBlocksGetTheirDefaults() {
        ExperimentSpec spec = bind("bind/minimal.yaml");

        assertThat(spec.seed()).isZero();
        assertThat(spec.model().imageEncoder().config()).isEqualTo(FakeConfigs.EncoderConfig.DEFAULTS);
        assertThat(spec.model().auxEncoders()).isEmpty();
        assertThat(spec.model().aggregator()).isNull();
        assertThat(spec.model().fusion()).isNull();
        assertThat(spec.model().decoder()).isNull();
        assertThat(spec.data()).isEqualTo(new DataSpec(null, 384, 4, 2, AugmentSpec.defaults()));
        assertThat(spec.train()).isEqualTo(TrainSpec.defaults(10));
        assertThat(spec.train().lr()).isEqualTo(2e-4);
        assertThat(spec.train().betas()).containsExactly(0.9, 0.999);
        assertThat(spec.eval().datasets()).isEmpty();
        assertThat(spec.eval().metrics()).singleElement()
                .satisfies(metric -> assertThat(metric.id()).isEqualTo("semseg"))
                .satisfies(metric -> assertThat(metric.keyPath()).isEqualTo("eval.metrics[0]"));
        assertThat(spec.eval().overlays()).isEqualTo(4);
        assertThat(spec.eval().inference()).isEqualTo(InferenceSpec.defaults());
        assertThat(spec.tracking().id()).isEqualTo("mlflow");
        assertThat(spec.tracking().config()).isEqualTo(FakeConfigs.TrackerConfig.DEFAULTS);
    }

    @Test
    void aFullExperimentBindsEverySlotOverItsDefaults() {
        ExperimentSpec spec = bind("bind/full.yaml");

        assertThat(spec.seed()).isEqualTo(42);
        BoundComponent image = spec.model().imageEncoder();
        assertThat(image.slot()).isEqualTo(Slot.IMAGE_ENCODER);
        assertThat(image.keyPath()).isEqualTo("model.imageEncoder");
        assertThat(image.factory().id()).isEqualTo("clip-vit-b16");
        assertThat(image.config(FakeConfigs.EncoderConfig.class)).isEqualTo(new FakeConfigs.EncoderConfig(12,
                "clip-vit-b16.openai", FakeConfigs.Finetune.ATTENTION, List.of(3, 7), 2e-4, new FakeConfigs.Head(64, true)));
        assertThat(spec.model().auxEncoders()).containsOnlyKeys("remoteclip", "dino");
        assertThat(spec.model().auxEncoders().keySet()).containsExactly("remoteclip", "dino");
        assertThat(spec.model().auxEncoders().get("dino").keyPath()).isEqualTo("model.auxEncoders.dino");
        assertThat(spec.model().auxEncoders().get("dino").config(FakeConfigs.EncoderConfig.class).head())
                .isEqualTo(new FakeConfigs.Head(32, true));
        assertThat(spec.model().fusion().config()).isEqualTo(new FakeConfigs.RsFusionConfig(5, 4, 2));
        assertThat(spec.model().aggregator().config(FakeConfigs.AggregatorConfig.class).extraCost())
                .containsExactly("dino");
        assertThat(spec.data().train().split()).isEqualTo("train");
        assertThat(spec.data().train().reader().config()).isEqualTo(new FakeConfigs.ReaderConfig(Path.of("datasets/dlrsd"), 0));
        assertThat(spec.data().batchSize()).isEqualTo(2);
        assertThat(spec.data().augment()).isEqualTo(new AugmentSpec(512, true, false));
        assertThat(spec.train().lr()).isEqualTo(2e-4);
        assertThat(spec.train().weightDecay()).isEqualTo(1e-4);
        assertThat(spec.train().warmupIters()).isEqualTo(1500);
        assertThat(spec.eval().datasets()).extracting(d -> d.reader().id(), BoundDataset::split)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dlrsd", null),
                        org.assertj.core.groups.Tuple.tuple("isaid", "val"));
        assertThat(spec.eval().datasets().get(1).reader().config()).isEqualTo(new FakeConfigs.ReaderConfig(Path.of("datasets"), 10));
        assertThat(spec.eval().metrics().get(0).config()).isEqualTo(new FakeConfigs.MetricConfig(false));
        assertThat(spec.eval().inference().slidingWindow()).isTrue();
        assertThat(spec.tracking().config())
                .isEqualTo(new FakeConfigs.TrackerConfig("http://localhost:5000", "rsktseg-paper"));
        assertThat(spec.components()).hasSize(12);
    }

    @Test
    void everyMistakeIsReportedTogetherWithItsExactSource() {
        ConfigException failure = bindFails("bind/errors.yaml");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-UNKNOWN-KEY bind/errors.yaml:15:1 trainer: unknown key at the top level of the"
                        + " experiment. Valid keys: seed, model, data, train, eval, tracking. Did you mean \"train\"?",
                "OVRSIS-CONFIG-TYPE bind/errors.yaml:1:7 seed: expected an integer, got \"abc\"",
                "OVRSIS-CONFIG-UNKNOWN-COMPONENT bind/errors.yaml:3:29 model.imageEncoder.component: \"clip-vit-b61\""
                        + " is not a known ImageEncoder. Known: clip-vit-b16, clip-vit-b32, clip-vit-l14-336"
                        + " [backbone-clip 0.3.0], dino-vitb8 [backbone-dino 0.2.0]. Did you mean \"clip-vit-b16\"?",
                "OVRSIS-CONFIG-UNKNOWN-KEY bind/errors.yaml:4:58 model.textEncoder.contextLenght: unknown key for"
                        + " TextEncoder \"clip-text-b16\" (FakeConfigs.TextConfig). Valid keys: templates, contextLength."
                        + " Did you mean \"contextLength\"?",
                "OVRSIS-CONFIG-TYPE bind/errors.yaml:5:41 model.fusion.layers: expected an integer, got \"five\"",
                "OVRSIS-CONFIG-CONSTRAINT bind/errors.yaml:6:3 model.decoder: minTap (9) must not exceed maxTap (3)",
                "OVRSIS-CONFIG-UNKNOWN-KEY bind/errors.yaml:8:13 data.cropsize: unknown key in data. Valid keys:"
                        + " train, cropSize, batchSize, workers, augment. Did you mean \"cropSize\"?",
                "OVRSIS-CONFIG-TYPE bind/errors.yaml:9:19 data.augment.flip: expected true or false, got \"yes\"",
                "OVRSIS-CONFIG-CONSTRAINT bind/errors.yaml:11:15 train.iterations: must be greater than or equal"
                        + " to 0 (was -1)",
                "OVRSIS-CONFIG-CONSTRAINT bind/errors.yaml:12:16 train.betas[1]: must be less than 1 (was 1.5)",
                "OVRSIS-CONFIG-TYPE bind/errors.yaml:14:13 eval.overlays: expected an integer, got 2.5");
    }

    @Test
    void missingComponentsAndRequiredKeysAreErrors() {
        ConfigException failure = bindFails("bind/missing.yaml");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-MISSING bind/missing.yaml:1:1 model.imageEncoder: required ImageEncoder is missing;"
                        + " add model.imageEncoder: {component: <id>} with one of: clip-vit-b16, clip-vit-b32,"
                        + " clip-vit-l14-336 [backbone-clip 0.3.0], dino-vitb8 [backbone-dino 0.2.0]",
                "OVRSIS-CONFIG-MISSING bind/missing.yaml:2:3 model.textEncoder.component: no component given for"
                        + " this TextEncoder; set component to one of: clip-text-b16 [backbone-clip 0.3.0]",
                "OVRSIS-CONFIG-MISSING bind/missing.yaml:3:3 model.fusion.component: no component given for this"
                        + " FusionHead; set component to one of: rsfusion [fusion-rsfusion 1.0.0],"
                        + " catseg [fusion-catseg 0.1.0]",
                "OVRSIS-CONFIG-MISSING bind/missing.yaml train: train.iterations is required (the number of"
                        + " optimizer steps; 0 for evaluation only)",
                "OVRSIS-CONFIG-MISSING bind/missing.yaml:5:14 eval.datasets[0].component: no component given for"
                        + " this DatasetReader; set component to one of: dlrsd, isaid, potsdam"
                        + " [datasets-ovrsisbench 1.0.0]");
    }

    @Test
    void aConstraintBrokenByAnOverrideNamesTheOverrideOnce() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.imageEncoder.layers=0");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-CONSTRAINT --set #1 model.imageEncoder.layers:"
                + " must be greater than or equal to 1 (was 0)");
    }

    @Test
    void nestedAndListElementConstraintsHaveDottedPaths() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.imageEncoder.head.dim=0",
                "model.imageEncoder.taps=[3, -1]");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-CONSTRAINT --set #1 model.imageEncoder.head.dim: must be greater than or equal to 1"
                        + " (was 0)",
                "OVRSIS-CONFIG-CONSTRAINT --set #2 model.imageEncoder.taps[1]: must be greater than or equal to 0"
                        + " (was -1)");
    }

    @Test
    void aTypoInAnOverrideIsAnUnknownKeyWithTheValidKeys() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.imageEncoder.layer=3",
                "model.imageEncoder.head.dims=3", "tracking.url=http://x");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-UNKNOWN-KEY --set #1 model.imageEncoder.layer: unknown key for ImageEncoder"
                        + " \"clip-vit-b16\" (FakeConfigs.EncoderConfig). Valid keys: layers, pretrained, finetune,"
                        + " taps, dropRate, head. Did you mean \"layers\"?",
                "OVRSIS-CONFIG-UNKNOWN-KEY --set #2 model.imageEncoder.head.dims: unknown key for ImageEncoder"
                        + " \"clip-vit-b16\" (FakeConfigs.Head). Valid keys: dim, bias. Did you mean \"dim\"?",
                "OVRSIS-CONFIG-UNKNOWN-KEY --set #3 tracking.url: unknown key for RunTracker \"mlflow\""
                        + " (FakeConfigs.TrackerConfig). Valid keys: uri, experiment. Did you mean \"uri\"?");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.imageEncoder.finetune=bogus",
                "model.imageEncoder.layers=\"12\"", "model.imageEncoder.taps=5", "model.imageEncoder.layers=2.5",
                "model.imageEncoder.head=3", "train.iterations=99999999999999999999");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-TYPE --set #1 model.imageEncoder.finetune: expected one of FROZEN, ATTENTION, FULL,"
                        + " got \"bogus\"",
                "OVRSIS-CONFIG-TYPE --set #3 model.imageEncoder.taps: expected a list, got 5",
                "OVRSIS-CONFIG-TYPE --set #4 model.imageEncoder.layers: expected an integer, got 2.5",
                "OVRSIS-CONFIG-TYPE --set #5 model.imageEncoder.head: expected a map with keys dim, bias, got 3",
                "OVRSIS-CONFIG-TYPE --set #6 train.iterations: the number 99999999999999999999 is out of range for"
                        + " an integer");
    }

    @Test
    void booleansAndSplitsAreChecked() {
        ConfigException failure = bindFails("bind/minimal.yaml", "data.augment.colorJitter=on",
                "eval.datasets=[{component: dlrsd, split: 3}]", "data.train=isaid");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-TYPE --set #1 data.augment.colorJitter: expected true or false, got \"on\"",
                "OVRSIS-CONFIG-TYPE --set #2 eval.datasets[0].split: expected a split name (a string), got 3");
    }

    @Test
    void anAuxiliaryEncoderSetToNullIsRemoved() {
        ExperimentSpec spec = bind("bind/full.yaml", "model.auxEncoders.remoteclip=null");

        assertThat(spec.model().auxEncoders().keySet()).containsExactly("dino");
    }

    @Test
    void auxiliaryEncoderNamesAreChecked() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.auxEncoders.Dino=dino-vitb8",
                "model.auxEncoders.imageEncoder=clip-vit-b32", "model.auxEncoders.dino_2=dino-vitb8");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-CONSTRAINT --set #1 model.auxEncoders.Dino: auxiliary encoder names must match"
                        + " [a-z][a-zA-Z0-9_]* and must not be imageEncoder (was \"Dino\")",
                "OVRSIS-CONFIG-CONSTRAINT --set #2 model.auxEncoders.imageEncoder: auxiliary encoder names must"
                        + " match [a-z][a-zA-Z0-9_]* and must not be imageEncoder (was \"imageEncoder\")");
    }

    @Test
    void aComponentErrorOnAKeyOnlyInDefaultsPointsAtTheComponentLine() {
        LoadedExperiment loaded = load("bind/full.yaml");

        ConfigError error = ConfigErrors.fromComponentException(new ComponentException("OVRSIS-COMPOSE-MISMATCH",
                "model.decoder.minTap", "model.decoder needs tap 3"), loaded);
        ConfigError unknownPath = ConfigErrors.fromComponentException(
                new ComponentException("OVRSIS-COMPOSE-MISMATCH", "", "the composition does not fit"), loaded);

        assertThat(error.toString()).isEqualTo("OVRSIS-COMPOSE-MISMATCH bind/model.yaml:9:24 model.decoder.minTap:"
                + " model.decoder needs tap 3");
        assertThat(unknownPath.toString()).isEqualTo("OVRSIS-COMPOSE-MISMATCH bind/full.yaml the composition does not fit");
    }

    @Test
    void pluginCodeRunsWithThePluginClassLoaderAsContextLoader() throws Exception {
        FakeFactory<FakeConfigs.TextConfig> text =
                new FakeFactory<>("clip-text-b16", FakeConfigs.TextConfig.class, FakeConfigs.TextConfig.DEFAULTS);
        FakeLookup lookup = FakeLookup.rsktSeg().register(Slot.TEXT_ENCODER, "backbone-clip", "0.3.0", text);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader foreign = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(foreign);
            BINDER.bind(load("bind/minimal.yaml"), lookup);
            assertThat(text.contextLoaderSeen).isSameAs(FakeFactory.class.getClassLoader());
            assertThat(thread.getContextClassLoader()).isSameAs(foreign);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void theFormattedReportIsANumberedListWithoutStackTraces() {
        ConfigException failure = bindFails("bind/minimal.yaml", "model.imageEncoder.layers=0", "seed=x");

        assertThat(failure.format()).isEqualTo("""
                2 errors in the experiment config:

                1) OVRSIS-CONFIG-TYPE
                   --set #2 seed: expected an integer, got "x"

                2) OVRSIS-CONFIG-CONSTRAINT
                   --set #1 model.imageEncoder.layers: must be greater than or equal to 1 (was 0)
                """);
        assertThat(failure.getMessage()).isEqualTo(failure.format());
        assertThat(failure.getStackTrace()).isEmpty();
    }
}
