package io.ovrsis.runtime.run;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.eval.Metric;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.track.RunTracker;
import io.ovrsis.runtime.config.BoundComponent;
import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.inject.CatalogModule;
import io.ovrsis.runtime.inject.ExperimentModule;
import io.ovrsis.runtime.model.CompositionCheck;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.plugin.ComponentCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment whose components are built (shapes declared, nothing allocated, no file
 * read). This is as far as {@code ovrsis validate} and {@code ovrsis params} go.
 */
public final class ComposedExperiment {
    private final LoadedExperiment loaded;
    private final ExperimentSpec spec;
    private final Injector injector;
    private final OpenVocabSegmentor model;

    private ComposedExperiment(LoadedExperiment loaded, ExperimentSpec spec, Injector injector, OpenVocabSegmentor model) {
        this.loaded = loaded;
        this.spec = spec;
        this.injector = injector;
        this.model = model;
    }

    /** Builds every model component through Guice and checks the composition; throws on the first problem. */
    public static ComposedExperiment compose(LoadedExperiment loaded, ExperimentSpec spec, ComponentCatalog catalog, Path projectDir) {
        rejectUnimplemented(spec);
        requireSlot(spec.model().aggregator(), "model.aggregator", "CostAggregator", catalog);
        requireSlot(spec.model().fusion(), "model.fusion", "FusionHead", catalog);
        requireSlot(spec.model().decoder(), "model.decoder", "Decoder", catalog);
        Injector injector = Guice.createInjector(new CatalogModule(catalog), new ExperimentModule(spec, projectDir));
        OpenVocabSegmentor model = injector.getInstance(OpenVocabSegmentor.class);
        ComposedExperiment composed = new ComposedExperiment(loaded, spec, injector, model);
        List<ComponentException> problems = composed.checkComposition();
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return composed;
    }

    /** Settings the config accepts but this version cannot do (yet), and impossible combinations: an error, never a silent no-op. */
    private static void rejectUnimplemented(ExperimentSpec spec) {
        if (spec.eval().inference().slidingWindow()) {
            String problem = io.ovrsis.runtime.eval.SlidingWindows.problem(spec.eval().inference().shortestEdge(),
                    spec.data().cropSize());
            if (problem != null) {
                throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", "eval.inference.slidingWindow",
                        "eval.inference.slidingWindow: " + problem + ".");
            }
        }
        if (spec.eval().inference().batchSize() != 1) {
            throw new ComponentException("OVRSIS-CONFIG-UNSUPPORTED", "eval.inference.batchSize",
                    "eval.inference.batchSize: only 1 is supported (images of different sizes are evaluated one by one).");
        }
        if (spec.train().evalEvery() > 0) {
            throw new ComponentException("OVRSIS-CONFIG-UNSUPPORTED", "train.evalEvery",
                    "train.evalEvery: evaluation during training is not implemented yet; use 0 (evaluate at the end)"
                            + " or `ovrsis eval FILE --checkpoint` on a saved checkpoint.");
        }
    }

    private static void requireSlot(BoundComponent c, String key, String slot, ComponentCatalog catalog) {
        if (c == null) {
            io.ovrsis.api.component.Slot s = io.ovrsis.api.component.Slot.valueOf(
                    slot.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
            throw new ComponentException("OVRSIS-CONFIG-MISSING", "model", key + " is missing: an open-vocabulary segmentor needs a "
                    + slot + ". Add " + key + ": {component: ...} with one of: "
                    + String.join(", ", catalog.components(s).stream().map(r -> r.id()).toList()) + ".");
        }
    }

    private Map<String, ImageEncoder> encoders() {
        Map<String, ImageEncoder> encoders = new LinkedHashMap<>();
        encoders.put(FeatureRef.MAIN, injector.getInstance(Key.get(ImageEncoder.class, Names.named("main"))));
        encoders.putAll(injector.getInstance(Key.get(new TypeLiteral<Map<String, ImageEncoder>>() { })));
        return encoders;
    }

    private Map<String, String> encoderIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(FeatureRef.MAIN, spec.model().imageEncoder().id());
        spec.model().auxEncoders().forEach((n, c) -> ids.put(n, c.id()));
        return ids;
    }

    private Map<String, CompositionCheck.Consumer> consumers() {
        Map<String, CompositionCheck.Consumer> consumers = new LinkedHashMap<>();
        consumers.put("model.aggregator", new CompositionCheck.Consumer(spec.model().aggregator().id(),
                injector.getInstance(CostAggregator.class).requiredFeatures()));
        consumers.put("model.fusion", new CompositionCheck.Consumer(spec.model().fusion().id(),
                injector.getInstance(FusionHead.class).requiredFeatures()));
        consumers.put("model.decoder", new CompositionCheck.Consumer(spec.model().decoder().id(),
                injector.getInstance(Decoder.class).requiredFeatures()));
        return consumers;
    }

    /**
     * Encoder outputs that no component reads (computed on every forward for nothing): warnings that
     * validate, predict and bench print, one sentence each.
     */
    public List<String> unusedFeatures() {
        return CompositionCheck.unusedFeatures(encoders(), encoderIds(), consumers());
    }

    private List<ComponentException> checkComposition() {
        List<ComponentException> errors = new java.util.ArrayList<>(CompositionCheck.check(encoders(), encoderIds(), consumers()));
        int[] rotations = injector.getInstance(CostAggregator.class).rotations();
        if (rotations.length == 0 || rotations[0] != 0) {
            errors.add(new ComponentException("OVRSIS-COMPOSE-MISMATCH", "model.aggregator", "model.aggregator ("
                    + spec.model().aggregator().id() + ") must encode the unrotated image first (rotation 0), as guidance comes from it."));
        }
        return errors;
    }

    public LoadedExperiment loaded() {
        return loaded;
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public OpenVocabSegmentor model() {
        return model;
    }

    public DatasetReader trainReader() {
        return injector.getInstance(Key.get(DatasetReader.class, Names.named("train")));
    }

    public List<DatasetReader> evalReaders() {
        return injector.getInstance(Key.get(new TypeLiteral<List<DatasetReader>>() { }));
    }

    public Map<String, Metric> metrics() {
        return injector.getInstance(Key.get(new TypeLiteral<Map<String, Metric>>() { }));
    }

    public RunTracker tracker() {
        return injector.getInstance(RunTracker.class);
    }

    /** Component ids by config key, for tables and tags. */
    public Map<String, String> componentIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("model.imageEncoder", spec.model().imageEncoder().id());
        ids.put("model.textEncoder", spec.model().textEncoder().id());
        spec.model().auxEncoders().forEach((n, c) -> ids.put("model.auxEncoders." + n, c.id()));
        ids.put("model.aggregator", spec.model().aggregator().id());
        ids.put("model.fusion", spec.model().fusion().id());
        ids.put("model.decoder", spec.model().decoder().id());
        return ids;
    }

    /** Every bound component (for plugin tags). */
    public List<BoundComponent> boundComponents() {
        List<BoundComponent> all = new java.util.ArrayList<>();
        all.add(spec.model().imageEncoder());
        all.add(spec.model().textEncoder());
        all.addAll(spec.model().auxEncoders().values());
        all.add(spec.model().aggregator());
        all.add(spec.model().fusion());
        all.add(spec.model().decoder());
        all.add(spec.data().train().reader());
        spec.eval().datasets().forEach(d -> all.add(d.reader()));
        all.addAll(spec.eval().metrics());
        all.add(spec.tracking());
        return all;
    }
}
