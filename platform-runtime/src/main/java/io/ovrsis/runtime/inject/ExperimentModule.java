package io.ovrsis.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.DatasetReaderFactory;
import io.ovrsis.api.eval.Metric;
import io.ovrsis.api.eval.MetricFactory;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.CostAggregatorFactory;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.DecoderFactory;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.FusionHeadFactory;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.ImageEncoderFactory;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.model.TextEncoderFactory;
import io.ovrsis.api.track.RunTracker;
import io.ovrsis.api.track.RunTrackerFactory;
import io.ovrsis.runtime.config.BoundComponent;
import io.ovrsis.runtime.config.BoundDataset;
import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provides the components of one validated experiment. Each provider calls the factory chosen by the
 * experiment's {@code component:} key (looked up in the slot's MapBinder) with the bound config and a
 * {@link BuildContext} describing what was built upstream, so Guice's dependency graph is the model's
 * build order: encoders → text encoder → aggregator → fusion → decoder.
 */
@SuppressWarnings("rawtypes")
public final class ExperimentModule extends AbstractModule {
    private final ExperimentSpec spec;
    private final Path projectDir;

    public ExperimentModule(ExperimentSpec spec, Path projectDir) {
        this.spec = spec;
        this.projectDir = projectDir;
    }

    @Override
    protected void configure() {
        bind(ExperimentSpec.class).toInstance(spec);
    }

    private BuildContext context(String keyPath, Map<String, FeatureSpec> encoders, Optional<Integer> textDim) {
        return new BuildContext(keyPath, projectDir, encoders, textDim, spec.seed());
    }

    private <T> T build(Map<String, ? extends io.ovrsis.api.component.ComponentFactory> factories, BoundComponent c, BuildContext ctx) {
        return PluginCalls.create(factories, c.id(), c.config(), ctx.forKey(c.keyPath()));
    }

    @Provides
    @Singleton
    @Named("main")
    ImageEncoder imageEncoder(Map<String, ImageEncoderFactory> factories) {
        return build(factories, spec.model().imageEncoder(), context("model.imageEncoder", Map.of(), Optional.empty()));
    }

    @Provides
    @Singleton
    Map<String, ImageEncoder> auxEncoders(Map<String, ImageEncoderFactory> factories) {
        Map<String, ImageEncoder> aux = new LinkedHashMap<>();
        spec.model().auxEncoders().forEach((name, c) ->
                aux.put(name, build(factories, c, context(c.keyPath(), Map.of(), Optional.empty()))));
        return aux;
    }

    @Provides
    @Singleton
    TextEncoder textEncoder(Map<String, TextEncoderFactory> factories) {
        return build(factories, spec.model().textEncoder(), context("model.textEncoder", Map.of(), Optional.empty()));
    }

    /** What the head components are built against: the encoders' feature specs and the text size. */
    @Provides
    @Singleton
    @Named("upstream")
    BuildContext upstream(@Named("main") ImageEncoder main, Map<String, ImageEncoder> aux, TextEncoder text) {
        Map<String, FeatureSpec> specs = new LinkedHashMap<>();
        specs.put(FeatureRef.MAIN, main.featureSpec());
        aux.forEach((n, e) -> specs.put(n, e.featureSpec()));
        return new BuildContext("model", projectDir, specs, Optional.of(text.embeddingDim()), spec.seed(),
                Optional.of(text.templates().size()));
    }

    @Provides
    @Singleton
    CostAggregator aggregator(Map<String, CostAggregatorFactory> factories, @Named("upstream") BuildContext ctx) {
        return build(factories, spec.model().aggregator(), ctx);
    }

    @Provides
    @Singleton
    FusionHead fusion(Map<String, FusionHeadFactory> factories, @Named("upstream") BuildContext ctx) {
        return build(factories, spec.model().fusion(), ctx);
    }

    @Provides
    @Singleton
    Decoder decoder(Map<String, DecoderFactory> factories, @Named("upstream") BuildContext ctx) {
        return build(factories, spec.model().decoder(), ctx);
    }

    @Provides
    @Singleton
    OpenVocabSegmentor segmentor(@Named("main") ImageEncoder main, TextEncoder text, Map<String, ImageEncoder> aux,
                                 CostAggregator aggregator, FusionHead fusion, Decoder decoder) {
        return new OpenVocabSegmentor(main, text, aux, aggregator, fusion, decoder);
    }

    @Provides
    @Singleton
    @Named("train")
    DatasetReader trainReader(Map<String, DatasetReaderFactory> factories) {
        BoundComponent c = spec.data().train().reader();
        return build(factories, c, context(c.keyPath(), Map.of(), Optional.empty()));
    }

    /** Evaluation readers in the order of {@code eval.datasets}. */
    @Provides
    @Singleton
    List<DatasetReader> evalReaders(Map<String, DatasetReaderFactory> factories) {
        return spec.eval().datasets().stream().map(BoundDataset::reader)
                .map(c -> (DatasetReader) build(factories, c, context(c.keyPath(), Map.of(), Optional.empty()))).toList();
    }

    /** Metrics by component id. */
    @Provides
    @Singleton
    Map<String, Metric> metrics(Map<String, MetricFactory> factories) {
        Map<String, Metric> m = new LinkedHashMap<>();
        for (BoundComponent c : spec.eval().metrics()) {
            m.put(c.id(), build(factories, c, context(c.keyPath(), Map.of(), Optional.empty())));
        }
        return m;
    }

    @Provides
    @Singleton
    RunTracker tracker(Map<String, RunTrackerFactory> factories) {
        return build(factories, spec.tracking(), context("tracking", Map.of(), Optional.empty()));
    }
}
