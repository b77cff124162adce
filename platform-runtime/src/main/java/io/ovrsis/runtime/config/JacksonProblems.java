package io.ovrsis.runtime.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Jackson binding exceptions into sentences ("expected an integer, got "five"", "unknown
 * key ... Valid keys: ...") and navigates trees along Jackson exception paths.
 */
final class JacksonProblems {
    private static final int MAX_VALUE_CHARS = 80;

    private final ObjectMapper mapper;

    JacksonProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** "unknown key for FusionHead "rsfusion" (RsFusionConfig). Valid keys: ... Did you mean ...?" */
    String unknownKey(UnrecognizedPropertyException e, String subject) {
        List<String> valid = validKeys(e.getReferringClass(), e.getKnownPropertyIds());
        String owner = e.getReferringClass() == null ? "" : " (" + simpleName(e.getReferringClass()) + ")";
        return "unknown key " + subject + owner + ". Valid keys: "
                + (valid.isEmpty() ? "none" : String.join(", ", valid)) + "."
                + ConfigErrors.didYouMeanSentence(e.getPropertyName(), valid);
    }

    /** "expected an integer, got "five"". */
    String typeMismatch(JsonMappingException e, JsonNode value) {
        String got = value == null ? "nothing" : truncate(YamlScalars.flow(value));
        if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return "the number " + got + " is out of range for " + expected(coercion.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType()) + ", got " + got;
        }
        return "cannot read " + got + ": " + e.getOriginalMessage();
    }

    /** A value for messages: strings quoted, records and collections as YAML flow, kept short. */
    String render(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return truncate(YamlScalars.flow(mapper.valueToTree(value)));
        } catch (IllegalArgumentException e) {
            return truncate(String.valueOf(value));
        }
    }

    /** What a Java type accepts, in YAML words. */
    String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == Path.class) {
            return "a path (a string)";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> mapper.valueToTree(c).asText())
                    .toList();
            return "one of " + String.join(", ", names);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        if (type == Optional.class) {
            return "a value or null";
        }
        if (type.isRecord()) {
            return "a map with keys " + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    /** Known keys in record-component order when possible, else as Jackson lists them, sorted. */
    static List<String> validKeys(Class<?> owner, Collection<Object> known) {
        Set<String> knownNames = new LinkedHashSet<>();
        if (known != null) {
            known.forEach(k -> knownNames.add(String.valueOf(k)));
        }
        List<String> ordered = new ArrayList<>();
        if (owner != null && owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (knownNames.remove(component.getName())) {
                    ordered.add(component.getName());
                }
            }
        }
        knownNames.stream().sorted().forEach(ordered::add);
        return ordered;
    }

    private static String simpleName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : simpleName(enclosing) + "." + type.getSimpleName();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    /** A Jackson reference path as steps: field names (String) and list indices (Integer). */
    static List<Object> steps(List<JsonMappingException.Reference> path) {
        List<Object> steps = new ArrayList<>();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                steps.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                steps.add(reference.getIndex());
            }
        }
        return steps;
    }

    /** Steps as a relative dotted path ({@code layers[0].dim}). */
    static String relative(List<Object> steps) {
        String path = "";
        for (Object step : steps) {
            path = step instanceof Integer index ? KeyPath.index(path, index) : KeyPath.child(path, (String) step);
        }
        return path;
    }

    /** The node at {@code steps}, or null. */
    static JsonNode nodeAt(JsonNode root, List<Object> steps) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? (node.isArray() ? node.get(index) : null) : node.get((String) step);
        }
        return node;
    }

    /** Removes the map entry at {@code steps}. */
    static void removeAt(JsonNode root, List<Object> steps) {
        JsonNode parent = nodeAt(root, steps.subList(0, steps.size() - 1));
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode map && last instanceof String key) {
            map.remove(key);
        } else if (parent instanceof ArrayNode list && last instanceof Integer index && index < list.size()) {
            list.remove(index.intValue());
        }
    }

    /**
     * Puts back the default value at {@code steps}, or at the nearest ancestor the defaults have.
     *
     * @return false if nothing could be restored (the whole block is broken)
     */
    static boolean restoreDefault(JsonNode tree, JsonNode defaults, List<Object> steps) {
        for (int length = steps.size(); length >= 1; length--) {
            List<Object> prefix = steps.subList(0, length);
            JsonNode fallback = nodeAt(defaults, prefix);
            JsonNode parent = nodeAt(tree, prefix.subList(0, length - 1));
            if (fallback != null && parent != null) {
                Object last = prefix.get(length - 1);
                if (parent instanceof ObjectNode map && last instanceof String key) {
                    map.set(key, fallback.deepCopy());
                    return true;
                }
                if (parent instanceof ArrayNode list && last instanceof Integer index && index < list.size()) {
                    list.set(index, fallback.deepCopy());
                    return true;
                }
            }
        }
        return false;
    }
}
