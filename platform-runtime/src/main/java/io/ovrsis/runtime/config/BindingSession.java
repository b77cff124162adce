package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The state of one {@link ExperimentBinder#bind} call: the experiment, the catalog and the errors found. */
final class BindingSession {
    final LoadedExperiment experiment;
    final ComponentLookup lookup;
    final ObjectMapper mapper;
    final RecordBinder records;
    final List<ConfigError> errors = new ArrayList<>();

    BindingSession(LoadedExperiment experiment, ComponentLookup lookup, ObjectMapper mapper, RecordBinder records) {
        this.experiment = experiment;
        this.lookup = lookup;
        this.mapper = mapper;
        this.records = records;
    }

    /** The best known source of a key path (see {@link SourceMap#locate}). */
    Source locate(String keyPath) {
        return experiment.sources().locate(keyPath).orElse(null);
    }

    void error(String code, String keyPath, String message) {
        errors.add(new ConfigError(code, keyPath, locate(keyPath), message));
    }

    RecordBinder.Target target(String keyPath, String subject) {
        return new RecordBinder.Target(keyPath, subject, this::locate);
    }

    /**
     * A platform block as a map: absent or null gives an empty map; anything but a map is a type
     * error (null returned). Keys not in {@code validKeys} are reported and left out of the copy.
     */
    ObjectNode block(JsonNode node, String keyPath, List<String> validKeys) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            error(ConfigErrors.TYPE, keyPath, "expected a map with keys " + String.join(", ", validKeys) + ", got "
                    + YamlScalars.flow(node));
            return null;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        List<String> keys = new ArrayList<>();
        copy.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!validKeys.contains(key)) {
                String where = keyPath.isEmpty() ? "at the top level of the experiment" : "in " + keyPath;
                error(ConfigErrors.UNKNOWN_KEY, KeyPath.child(keyPath, key), "unknown key " + where + ". Valid keys: "
                        + String.join(", ", validKeys) + "." + ConfigErrors.didYouMeanSentence(key, validKeys));
                copy.remove(key);
            }
        }
        return copy;
    }

    /** The listed keys of {@code block} (those present), as a new map. */
    static ObjectNode pick(ObjectNode block, String... keys) {
        ObjectNode picked = JsonNodeFactory.instance.objectNode();
        for (String key : keys) {
            if (block.has(key)) {
                picked.set(key, block.get(key).deepCopy());
            }
        }
        return picked;
    }

    /** A record's defaults as a tree. */
    ObjectNode defaultsOf(Object record) {
        return mapper.valueToTree(record);
    }
}
