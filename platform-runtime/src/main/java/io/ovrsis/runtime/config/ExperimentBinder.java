package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ovrsis.api.component.Slot;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a {@link LoadedExperiment} to a typed, validated {@link ExperimentSpec}: every slot to its
 * factory's config record, every platform block to its record with defaults filled in. All
 * mistakes are collected and thrown together as one {@link ConfigException}; nothing is built.
 */
public final class ExperimentBinder {
    static final List<String> TOP_KEYS = List.of("seed", "model", "data", "train", "eval", "tracking");
    static final List<String> MODEL_KEYS =
            List.of("imageEncoder", "textEncoder", "auxEncoders", "aggregator", "fusion", "decoder");
    static final List<String> DATA_KEYS = List.of("train", "cropSize", "batchSize", "workers", "augment");
    static final List<String> EVAL_KEYS = List.of("datasets", "metrics", "overlays", "inference");
    static final Pattern AUX_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    static final String SPLIT = "split";
    static final String DEFAULT_TRAIN_SPLIT = "train";
    static final String DEFAULT_METRIC = "semseg";
    static final String DEFAULT_TRACKER = "mlflow";

    private final ObjectMapper mapper = ConfigMappers.strictMapper();
    private final RecordBinder records;

    /** A binder with a validator of a process-wide factory (created on first use). */
    public ExperimentBinder() {
        this(SharedValidator.FACTORY.getValidator());
    }

    /** A binder with the application's validator (see {@link ConfigValidation#newValidatorFactory()}). */
    public ExperimentBinder(Validator validator) {
        this.records = new RecordBinder(mapper, validator);
    }

    /**
     * Binds and validates the experiment.
     *
     * @throws ConfigException with every mistake found
     */
    public ExperimentSpec bind(LoadedExperiment experiment, ComponentLookup lookup) {
        BindingSession session = new BindingSession(experiment, lookup, mapper, records);
        SlotBinder slots = new SlotBinder(session);
        ObjectNode root = session.block(experiment.tree(), "", TOP_KEYS);
        PlatformSettings.Top top = records.bind(session.defaultsOf(PlatformSettings.Top.DEFAULTS),
                BindingSession.pick(root, "seed"), PlatformSettings.Top.class, session.target("", "at the top level"),
                session.errors);
        ModelSpec model = bindModel(session, slots, root.get("model"));
        DataSpec data = bindData(session, slots, root.get("data"));
        TrainSpec train = bindTrain(session, root.get("train"));
        EvalSpec eval = bindEval(session, slots, root.get("eval"));
        BoundComponent tracking = slots.bind(Slot.RUN_TRACKER, "tracking", root.get("tracking"), true, DEFAULT_TRACKER);
        if (!session.errors.isEmpty()) {
            throw new ConfigException(session.errors);
        }
        return new ExperimentSpec(top.seed(), model, data, train, eval, tracking);
    }

    private ModelSpec bindModel(BindingSession session, SlotBinder slots, JsonNode node) {
        ObjectNode model = session.block(node, "model", MODEL_KEYS);
        if (model == null) {
            return null;
        }
        BoundComponent image = slots.bind(Slot.IMAGE_ENCODER, "model.imageEncoder", model.get("imageEncoder"), true, null);
        BoundComponent text = slots.bind(Slot.TEXT_ENCODER, "model.textEncoder", model.get("textEncoder"), true, null);
        Map<String, BoundComponent> aux = bindAuxEncoders(session, slots, model.get("auxEncoders"));
        BoundComponent aggregator = slots.bind(Slot.COST_AGGREGATOR, "model.aggregator", model.get("aggregator"),
                false, null);
        BoundComponent fusion = slots.bind(Slot.FUSION_HEAD, "model.fusion", model.get("fusion"), false, null);
        BoundComponent decoder = slots.bind(Slot.DECODER, "model.decoder", model.get("decoder"), false, null);
        return new ModelSpec(image, text, aux, aggregator, fusion, decoder);
    }

    private Map<String, BoundComponent> bindAuxEncoders(BindingSession session, SlotBinder slots, JsonNode node) {
        Map<String, BoundComponent> aux = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return aux;
        }
        if (!node.isObject()) {
            session.error(ConfigErrors.TYPE, "model.auxEncoders", "expected a map of name -> image encoder block,"
                    + " e.g. {dino: {component: dino-vitb8}}, got " + YamlScalars.flow(node));
            return aux;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            String keyPath = KeyPath.child("model.auxEncoders", name);
            if (entry.getValue().isNull()) {
                continue; // "name: null" removes an encoder a base file declared (ablations)
            }
            if (!AUX_NAME.matcher(name).matches() || name.equals("imageEncoder")) {
                session.error(ConfigErrors.CONSTRAINT, keyPath, "auxiliary encoder names must match "
                        + AUX_NAME.pattern() + " and must not be imageEncoder (was " + YamlScalars.quote(name) + ")");
                continue;
            }
            BoundComponent encoder = slots.bind(Slot.IMAGE_ENCODER, keyPath, entry.getValue(), true, null);
            if (encoder != null) {
                aux.put(name, encoder);
            }
        }
        return aux;
    }

    private DataSpec bindData(BindingSession session, SlotBinder slots, JsonNode node) {
        ObjectNode data = session.block(node, "data", DATA_KEYS);
        if (data == null) {
            return null;
        }
        BoundDataset train = bindDataset(session, slots, "data.train", data.get("train"), DEFAULT_TRAIN_SPLIT, false);
        PlatformSettings.Data settings = records.bind(session.defaultsOf(PlatformSettings.Data.DEFAULTS),
                BindingSession.pick(data, "cropSize", "batchSize", "workers"), PlatformSettings.Data.class,
                session.target("data", "in data"), session.errors);
        AugmentSpec augment = bindBlock(session, data.get("augment"), "data.augment", AugmentSpec.defaults(),
                AugmentSpec.class);
        if (settings == null) {
            return null;
        }
        DataSpec spec = new DataSpec(train, settings.cropSize(), settings.batchSize(), settings.workers(), augment);
        records.validate(spec, session.target("data", "in data"), session.errors);
        return spec;
    }

    private TrainSpec bindTrain(BindingSession session, JsonNode node) {
        if (node == null || node.isNull() || node.isObject() && !node.has("iterations")) {
            session.error(ConfigErrors.MISSING, node == null || node.isNull() ? "train" : "train.iterations",
                    "train.iterations is required (the number of optimizer steps; 0 for evaluation only)");
        }
        return bindBlock(session, node, "train", TrainSpec.defaults(0), TrainSpec.class);
    }

    private EvalSpec bindEval(BindingSession session, SlotBinder slots, JsonNode node) {
        ObjectNode eval = session.block(node, "eval", EVAL_KEYS);
        if (eval == null) {
            return null;
        }
        List<BoundDataset> datasets = new ArrayList<>();
        JsonNode datasetsNode = eval.get("datasets");
        if (isList(session, datasetsNode, "eval.datasets", "dataset blocks, e.g. [dlrsd, {component: isaid}]")) {
            for (int i = 0; i < datasetsNode.size(); i++) {
                BoundDataset dataset = bindDataset(session, slots, KeyPath.index("eval.datasets", i),
                        datasetsNode.get(i), null, true);
                if (dataset != null) {
                    datasets.add(dataset);
                }
            }
        }
        JsonNode metricsNode = eval.get("metrics");
        if (metricsNode == null || metricsNode.isNull()) {
            metricsNode = JsonNodeFactory.instance.arrayNode()
                    .add(JsonNodeFactory.instance.objectNode().put(SlotBinder.COMPONENT, DEFAULT_METRIC));
        }
        List<BoundComponent> metrics = new ArrayList<>();
        if (isList(session, metricsNode, "eval.metrics", "metric blocks, e.g. [{component: semseg}]")) {
            for (int i = 0; i < metricsNode.size(); i++) {
                BoundComponent metric = slots.bind(Slot.METRIC, KeyPath.index("eval.metrics", i), metricsNode.get(i),
                        true, null);
                if (metric != null) {
                    metrics.add(metric);
                }
            }
        }
        PlatformSettings.Eval settings = records.bind(session.defaultsOf(PlatformSettings.Eval.DEFAULTS),
                BindingSession.pick(eval, "overlays"), PlatformSettings.Eval.class, session.target("eval", "in eval"),
                session.errors);
        InferenceSpec inference = bindBlock(session, eval.get("inference"), "eval.inference",
                InferenceSpec.defaults(), InferenceSpec.class);
        if (settings == null) {
            return null;
        }
        EvalSpec spec = new EvalSpec(datasets, metrics, settings.overlays(), inference);
        records.validate(spec, session.target("eval", "in eval"), session.errors);
        return spec;
    }

    /** A dataset slot with the platform key {@code split} taken out before the reader's config is bound. */
    private BoundDataset bindDataset(BindingSession session, SlotBinder slots, String keyPath, JsonNode node,
            String defaultSplit, boolean required) {
        String split = defaultSplit;
        JsonNode reader = node;
        if (node != null && node.isObject() && node.has(SPLIT)) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            JsonNode splitNode = copy.remove(SPLIT);
            if (splitNode.isTextual()) {
                split = splitNode.asText();
            } else if (!splitNode.isNull()) {
                session.error(ConfigErrors.TYPE, KeyPath.child(keyPath, SPLIT), "expected a split name (a string),"
                        + " got " + YamlScalars.flow(splitNode));
            }
            reader = copy;
        }
        BoundComponent bound = slots.bind(Slot.DATASET_READER, keyPath, reader, required, null);
        return bound == null ? null : new BoundDataset(bound, split);
    }

    /** A platform block bound to a record over its defaults; unknown keys are reported by the record binder. */
    private <T> T bindBlock(BindingSession session, JsonNode node, String keyPath, T defaults, Class<T> type) {
        ObjectNode user;
        if (node == null || node.isNull()) {
            user = JsonNodeFactory.instance.objectNode();
        } else if (node.isObject()) {
            user = (ObjectNode) node;
        } else {
            session.error(ConfigErrors.TYPE, keyPath, "expected a map of settings, got " + YamlScalars.flow(node));
            user = JsonNodeFactory.instance.objectNode();
        }
        T bound = records.bind(session.defaultsOf(defaults), user, type, session.target(keyPath, "in " + keyPath),
                session.errors);
        return bound == null ? defaults : bound;
    }

    private static boolean isList(BindingSession session, JsonNode node, String keyPath, String what) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!(node instanceof ArrayNode)) {
            session.error(ConfigErrors.TYPE, keyPath, "expected a list of " + what + ", got " + YamlScalars.flow(node));
            return false;
        }
        return true;
    }

    /** One validator factory for binders created without one. */
    private static final class SharedValidator {
        static final ValidatorFactory FACTORY = ConfigValidation.newValidatorFactory();
    }
}
