package io.ovrsis.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ovrsis.api.component.ComponentException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a YAML tree to a record strictly and validates it, turning every Jackson and Hibernate
 * Validator complaint into a located {@link ConfigError}. Jackson stops at the first problem, so
 * the binder repeats: an unknown key is removed, a badly typed value is put back to its default,
 * and binding runs again, until it succeeds or nothing more can be repaired. That way every
 * mistake of a block is reported at once.
 */
final class RecordBinder {
    private static final int MAX_ATTEMPTS = 100;

    /**
     * What is being bound, for messages.
     *
     * @param keyPath the dotted path of the block ({@code model.fusion})
     * @param subject how unknown-key messages name the block: {@code for FusionHead "rsfusion"}
     *     or {@code in train}
     * @param locate the source of a dotted key path
     */
    record Target(String keyPath, String subject, Function<String, Source> locate) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final JacksonProblems problems;

    RecordBinder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        this.problems = new JacksonProblems(mapper);
    }

    /**
     * Merges {@code user} over {@code defaults} (maps merge, lists and scalars replace), binds the
     * result to {@code type} and validates it.
     *
     * @return the record, or null when it could not be bound at all (errors were added)
     */
    <T> T bind(ObjectNode defaults, ObjectNode user, Class<T> type, Target target, List<ConfigError> errors) {
        List<ConfigError> found = new ArrayList<>();
        T value = bindAll(defaults, user, type, target, found);
        found.sort(Comparator.comparing(ConfigError::source, Comparator.nullsLast(RecordBinder::compareSources)));
        errors.addAll(found);
        return value;
    }

    /** Orders errors as the user wrote the values: by file position, then by --set number. */
    static int compareSources(Source a, Source b) {
        if (a instanceof Source.FromFile fa && b instanceof Source.FromFile fb) {
            return Comparator.comparing(Source.FromFile::file).thenComparingInt(Source.FromFile::line)
                    .thenComparingInt(Source.FromFile::column).compare(fa, fb);
        }
        if (a instanceof Source.FromSet sa && b instanceof Source.FromSet sb) {
            return Integer.compare(sa.number(), sb.number());
        }
        return a instanceof Source.FromFile ? -1 : 1;
    }

    private <T> T bindAll(ObjectNode defaults, ObjectNode user, Class<T> type, Target target, List<ConfigError> errors) {
        ObjectNode tree = defaults.deepCopy();
        mergeInto(tree, user);
        Set<String> seen = new HashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                T value = mapper.treeToValue(tree, type);
                validate(value, target, errors);
                return value;
            } catch (UnrecognizedPropertyException e) {
                List<Object> steps = JacksonProblems.steps(e.getPath());
                if (!seen.add("key:" + steps) || steps.isEmpty()) {
                    return null;
                }
                if (JacksonProblems.nodeAt(user, steps) != null) {
                    String path = KeyPath.join(target.keyPath(), JacksonProblems.relative(steps));
                    errors.add(new ConfigError(ConfigErrors.UNKNOWN_KEY, path, target.locate().apply(path),
                            problems.unknownKey(e, target.subject())));
                }
                JacksonProblems.removeAt(tree, steps);
            } catch (ValueInstantiationException e) {
                List<Object> steps = JacksonProblems.steps(e.getPath());
                String path = KeyPath.join(target.keyPath(), JacksonProblems.relative(steps));
                errors.add(instantiationError(e, path, target));
                if (!seen.add("new:" + steps) || !JacksonProblems.restoreDefault(tree, defaults, steps)) {
                    return null;
                }
            } catch (JsonMappingException e) {
                List<Object> steps = JacksonProblems.steps(e.getPath());
                String path = KeyPath.join(target.keyPath(), JacksonProblems.relative(steps));
                errors.add(new ConfigError(ConfigErrors.TYPE, path, target.locate().apply(path),
                        problems.typeMismatch(e, JacksonProblems.nodeAt(tree, steps))));
                if (!seen.add("type:" + steps) || !JacksonProblems.restoreDefault(tree, defaults, steps)) {
                    return null;
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add(new ConfigError(ConfigErrors.TYPE, target.keyPath(), target.locate().apply(target.keyPath()),
                        "cannot be read: " + e.getMessage()));
                return null;
            }
        }
        return null;
    }

    /** Validates a record; each violation becomes a {@link ConfigErrors#CONSTRAINT} error. */
    void validate(Object value, Target target, List<ConfigError> errors) {
        Map<String, ConfigError> found = new LinkedHashMap<>();
        List<ConstraintViolation<Object>> violations = new ArrayList<>(validator.validate(value));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<Object> violation : violations) {
            String path = KeyPath.join(target.keyPath(), relative(violation.getPropertyPath()));
            String message = violation.getMessage() + " (was " + problems.render(violation.getInvalidValue()) + ")";
            found.putIfAbsent(path + "\n" + message,
                    new ConfigError(ConfigErrors.CONSTRAINT, path, target.locate().apply(path), message));
        }
        errors.addAll(found.values());
    }

    private static ConfigError instantiationError(ValueInstantiationException e, String path, Target target) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ComponentException component) {
            return new ConfigError(component.code(), path, target.locate().apply(path), component.getMessage());
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ConfigError(ConfigErrors.CONSTRAINT, path, target.locate().apply(path), reason);
    }

    /** A Jakarta property path as a dotted path relative to the bound record. */
    static String relative(Path propertyPath) {
        String path = "";
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path = KeyPath.index(path, node.getIndex());
                } else if (node.getKey() != null) {
                    path = KeyPath.child(path, String.valueOf(node.getKey()));
                }
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                path = KeyPath.child(path, name);
            }
        }
        return path;
    }

    /** Deep merge for config blocks: maps merge key by key; lists and scalars replace. */
    static void mergeInto(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingMap && field.getValue() instanceof ObjectNode overlayMap) {
                mergeInto(existingMap, overlayMap);
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
