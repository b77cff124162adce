package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set key.path=value} arguments: parsing (the value is YAML, so {@code 5} is a number,
 * {@code [0, 90]} a list and {@code "5"} a string) and applying them to a loaded tree.
 */
final class Overrides {
    static final String EXPECTED_FORM = "Expected --set key.path=value, e.g. --set model.fusion.layers=5,"
            + " --set eval.datasets[0].split=test or --set model.aggregator.directions=[0, 90]";

    /** One parsed argument. */
    record SetArgument(Source.FromSet source, List<KeyPath.Segment> path, JsonNode value, SourceMap valueSources) {
        String keyPath() {
            return KeyPath.format(path);
        }
    }

    private Overrides() {
    }

    /** Parses argument number {@code number} (1-based); null (and an error) if it is malformed. */
    static SetArgument parse(int number, String argument, YamlTreeReader reader, List<ConfigError> errors) {
        Source.FromSet source = new Source.FromSet(number, argument);
        int equals = argument.indexOf('=');
        if (equals < 0) {
            errors.add(malformed(source, "", "there is no '='"));
            return null;
        }
        String pathText = argument.substring(0, equals).trim();
        List<KeyPath.Segment> path;
        try {
            path = KeyPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            errors.add(malformed(source, "", "bad key path \"" + pathText + "\": " + e.getMessage()));
            return null;
        }
        String keyPath = KeyPath.format(path);
        List<ConfigError> valueErrors = new ArrayList<>();
        YamlTreeReader.Parsed parsed = reader.read(argument.substring(equals + 1), "", at -> source, valueErrors);
        if (parsed.root() == null || !valueErrors.isEmpty()) {
            String reason = valueErrors.isEmpty() ? "the value is not valid YAML" : valueErrors.get(0).message();
            errors.add(malformed(source, keyPath, "cannot read the value: " + reason));
            return null;
        }
        SourceMap valueSources = new SourceMap();
        parsed.positions().keySet().forEach(relative -> valueSources.put(KeyPath.join(keyPath, relative), source));
        return new SetArgument(source, path, parsed.root(), valueSources);
    }

    private static ConfigError malformed(Source.FromSet source, String keyPath, String reason) {
        return new ConfigError(ConfigErrors.OVERRIDE, keyPath, source,
                "malformed override \"" + source.argument() + "\" (" + reason + "). " + EXPECTED_FORM);
    }

    /** Applies one override to {@code root}, creating missing maps (and list items at index = size). */
    static void apply(SetArgument override, ObjectNode root, SourceMap sources, List<ConfigError> errors) {
        List<KeyPath.Segment> path = override.path();
        JsonNode current = root;
        String currentPath = "";
        for (int i = 0; i < path.size() - 1; i++) {
            KeyPath.Segment segment = path.get(i);
            boolean wantList = path.get(i + 1) instanceof KeyPath.Index;
            String childPath = childPath(currentPath, segment);
            JsonNode child = child(current, segment);
            if (child == null || child.isNull()) {
                if (!fitsIndex(current, segment, override, errors)) {
                    return;
                }
                child = wantList ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                put(current, segment, child);
                sources.removeUnder(childPath);
                sources.put(childPath, override.source());
            } else if (wantList ? !child.isArray() : !child.isObject()) {
                errors.add(new ConfigError(ConfigErrors.OVERRIDE, override.keyPath(), override.source(),
                        "cannot set " + override.keyPath() + ": " + childPath + " is " + article(child)
                                + sources.get(childPath).map(s -> " (from " + s.describe() + ")").orElse("")
                                + ", not " + (wantList ? "a list" : "a map")));
                return;
            }
            current = child;
            currentPath = childPath;
        }
        KeyPath.Segment last = path.get(path.size() - 1);
        String fullPath = override.keyPath();
        if (!fitsIndex(current, last, override, errors)) {
            return;
        }
        JsonNode existing = child(current, last);
        JsonNode value = override.value().deepCopy();
        SourceMap valueSources = override.valueSources();
        if (existing instanceof ObjectNode existingMap && value instanceof ObjectNode valueMap) {
            if (TreeMerger.componentChanges(existingMap, valueMap)) {
                TreeMerger.resetSlot(existingMap, fullPath, sources, valueMap.get(TreeMerger.COMPONENT), valueSources,
                        TreeMerger.SlotReset.KEEP_SET_KEYS);
            }
            sources.put(fullPath, override.source());
            TreeMerger.mergeOver(existingMap, sources, valueMap, valueSources, fullPath,
                    TreeMerger.SlotReset.KEEP_SET_KEYS);
            return;
        }
        if (last instanceof KeyPath.Key key && key.name().equals(TreeMerger.COMPONENT) && !currentPath.isEmpty()
                && current instanceof ObjectNode slot && slot.has(TreeMerger.COMPONENT)
                && !slot.get(TreeMerger.COMPONENT).equals(value)) {
            TreeMerger.resetSlot(slot, currentPath, sources, value, valueSources, TreeMerger.SlotReset.KEEP_SET_KEYS);
        }
        put(current, last, value);
        sources.removeUnder(fullPath);
        sources.copyUnder(fullPath, valueSources);
    }

    private static boolean fitsIndex(JsonNode container, KeyPath.Segment segment, SetArgument override,
            List<ConfigError> errors) {
        if (segment instanceof KeyPath.Index index && index.index() > container.size()) {
            errors.add(new ConfigError(ConfigErrors.OVERRIDE, override.keyPath(), override.source(),
                    "index [" + index.index() + "] is out of range: the list has " + container.size()
                            + " item(s), so use [0] to [" + (container.size() - 1) + "], or [" + container.size()
                            + "] to append one"));
            return false;
        }
        return true;
    }

    private static String childPath(String parent, KeyPath.Segment segment) {
        return segment instanceof KeyPath.Key key ? KeyPath.child(parent, key.name())
                : KeyPath.index(parent, ((KeyPath.Index) segment).index());
    }

    private static JsonNode child(JsonNode container, KeyPath.Segment segment) {
        if (segment instanceof KeyPath.Key key) {
            return container.get(key.name());
        }
        int index = ((KeyPath.Index) segment).index();
        return index < container.size() ? container.get(index) : null;
    }

    private static void put(JsonNode container, KeyPath.Segment segment, JsonNode value) {
        if (segment instanceof KeyPath.Key key) {
            ((ObjectNode) container).set(key.name(), value);
        } else {
            ArrayNode list = (ArrayNode) container;
            int index = ((KeyPath.Index) segment).index();
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        }
    }

    /** "a number", "a list", ... for messages. */
    static String describeType(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            return "map";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNumber()) {
            return "number";
        }
        return "string";
    }

    private static String article(JsonNode node) {
        String type = describeType(node);
        return type.equals("null") ? "null" : "a " + type;
    }
}
