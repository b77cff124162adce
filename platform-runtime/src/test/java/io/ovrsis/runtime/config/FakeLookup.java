package io.ovrsis.runtime.config;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory catalog of fake components, shaped like the RSKT-Seg plugins. */
final class FakeLookup implements ComponentLookup {
    private final Map<Slot, Map<String, ComponentFactory<?, ?>>> factories = new LinkedHashMap<>();
    private final Map<Slot, List<KnownComponent>> known = new LinkedHashMap<>();

    FakeLookup register(Slot slot, String plugin, String version, ComponentFactory<?, ?> factory) {
        factories.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(factory.id(), factory);
        known.computeIfAbsent(slot, s -> new ArrayList<>()).add(new KnownComponent(factory.id(), plugin, version));
        return this;
    }

    @Override
    public Optional<ComponentFactory<?, ?>> find(Slot slot, String id) {
        return Optional.ofNullable(factories.getOrDefault(slot, Map.of()).get(id));
    }

    @Override
    public List<KnownComponent> known(Slot slot) {
        return known.getOrDefault(slot, List.of());
    }

    /** The catalog the binder tests use. */
    static FakeLookup rsktSeg() {
        return new FakeLookup()
                .register(Slot.IMAGE_ENCODER, "backbone-clip", "0.3.0", encoder("clip-vit-b16"))
                .register(Slot.IMAGE_ENCODER, "backbone-clip", "0.3.0", encoder("clip-vit-b32"))
                .register(Slot.IMAGE_ENCODER, "backbone-clip", "0.3.0", encoder("clip-vit-l14-336"))
                .register(Slot.IMAGE_ENCODER, "backbone-dino", "0.2.0", encoder("dino-vitb8"))
                .register(Slot.TEXT_ENCODER, "backbone-clip", "0.3.0",
                        new FakeFactory<>("clip-text-b16", FakeConfigs.TextConfig.class, FakeConfigs.TextConfig.DEFAULTS))
                .register(Slot.COST_AGGREGATOR, "aggregator-rscma", "1.0.0", new FakeFactory<>("rscma",
                        FakeConfigs.AggregatorConfig.class, FakeConfigs.AggregatorConfig.DEFAULTS))
                .register(Slot.FUSION_HEAD, "fusion-rsfusion", "1.0.0", new FakeFactory<>("rsfusion",
                        FakeConfigs.RsFusionConfig.class, FakeConfigs.RsFusionConfig.DEFAULTS))
                .register(Slot.FUSION_HEAD, "fusion-catseg", "0.1.0", new FakeFactory<>("catseg",
                        FakeConfigs.CatSegConfig.class, FakeConfigs.CatSegConfig.DEFAULTS))
                .register(Slot.DECODER, "decoder-rstransfer", "1.0.0", new FakeFactory<>("rstransfer",
                        FakeConfigs.DecoderConfig.class, FakeConfigs.DecoderConfig.DEFAULTS))
                .register(Slot.DATASET_READER, "datasets-ovrsisbench", "1.0.0", reader("dlrsd"))
                .register(Slot.DATASET_READER, "datasets-ovrsisbench", "1.0.0", reader("isaid"))
                .register(Slot.DATASET_READER, "datasets-ovrsisbench", "1.0.0", reader("potsdam"))
                .register(Slot.METRIC, "metrics-semseg", "1.0.0",
                        new FakeFactory<>("semseg", FakeConfigs.MetricConfig.class, FakeConfigs.MetricConfig.DEFAULTS))
                .register(Slot.RUN_TRACKER, "tracker-mlflow", "1.0.0",
                        new FakeFactory<>("mlflow", FakeConfigs.TrackerConfig.class, FakeConfigs.TrackerConfig.DEFAULTS));
    }

    private static FakeFactory<FakeConfigs.EncoderConfig> encoder(String id) {
        return new FakeFactory<>(id, FakeConfigs.EncoderConfig.class, FakeConfigs.EncoderConfig.DEFAULTS);
    }

    private static FakeFactory<FakeConfigs.ReaderConfig> reader(String id) {
        return new FakeFactory<>(id, FakeConfigs.ReaderConfig.class, FakeConfigs.ReaderConfig.DEFAULTS);
    }
}
