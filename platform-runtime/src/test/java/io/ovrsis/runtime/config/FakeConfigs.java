package io.ovrsis.runtime.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.List;

/** Config records of the fake components used by the binder tests. */
final class FakeConfigs {

    private FakeConfigs() {
    }

    enum Finetune { FROZEN, ATTENTION, FULL }

    record Head(@Min(1) int dim, boolean bias) {
    }

    record EncoderConfig(@Min(1) int layers, String pretrained, Finetune finetune, List<@Min(0) Integer> taps,
            double dropRate, @Valid Head head) {
        static final EncoderConfig DEFAULTS = new EncoderConfig(12, "none", Finetune.FROZEN, List.of(3, 7), 0.0,
                new Head(64, true));
    }

    record TextConfig(String templates, @Min(1) int contextLength) {
        static final TextConfig DEFAULTS = new TextConfig("single", 77);
    }

    record RsFusionConfig(@Min(1) @Max(12) int layers, @Min(1) int heads, int spatialReduction) {
        static final RsFusionConfig DEFAULTS = new RsFusionConfig(2, 4, 2);
    }

    record CatSegConfig(@Min(1) int depth, int hidden) {
        static final CatSegConfig DEFAULTS = new CatSegConfig(2, 128);
    }

    record AggregatorConfig(List<Integer> directions, List<String> extraCost) {
        static final AggregatorConfig DEFAULTS = new AggregatorConfig(List.of(0, 90, 180, 270), List.of());
    }

    record DecoderConfig(List<String> guidance, int minTap, int maxTap) {
        static final DecoderConfig DEFAULTS = new DecoderConfig(List.of("imageEncoder"), 0, 11);

        DecoderConfig {
            if (minTap > maxTap) {
                throw new IllegalArgumentException("minTap (" + minTap + ") must not exceed maxTap (" + maxTap + ")");
            }
        }
    }

    record ReaderConfig(Path root, @Min(0) int limit) {
        static final ReaderConfig DEFAULTS = new ReaderConfig(Path.of("datasets"), 0);
    }

    record MetricConfig(boolean perClass) {
        static final MetricConfig DEFAULTS = new MetricConfig(true);
    }

    record TrackerConfig(@NotBlank String uri, String experiment) {
        static final TrackerConfig DEFAULTS = new TrackerConfig("mlruns", "Default");
    }
}
