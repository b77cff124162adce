package io.ovrsis.runtime.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks an unpickled checkpoint and names its tensors the way {@code state_dict()} does.
 *
 * <p>Containers are plain dicts, pickled {@code torch.nn.Module} objects ({@code _parameters},
 * persistent {@code _buffers}, {@code _modules}) and TorchScript module objects (their parameters
 * and buffers as listed by the {@link TorchScriptSchema}, then their submodules); nested containers
 * give dotted names. Values that are neither tensors nor containers (ints, NumPy scalars, argparse
 * namespaces, lists) are skipped.
 */
final class TensorCollector {
    private final Path file;
    private final TorchScriptSchema schema;

    TensorCollector(Path file, TorchScriptSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    /**
     * The named tensors under {@code entry} of {@code root} (the whole root when entry is null).
     *
     * @throws io.ovrsis.api.component.ComponentException MISSING if the entry does not exist,
     *     FORMAT if the root or entry holds no state dict
     */
    Map<String, TensorRef> collect(Object root, String entry) {
        Object node = root;
        if (entry != null) {
            Map<String, Object> top = children(root);
            if (top == null) {
                throw WeightsErrors.format(file, "holds " + kind(root)
                        + " at the top level, so it has no entry '" + entry + "'");
            }
            if (!top.containsKey(entry)) {
                throw WeightsErrors.missing(file, "has no top-level entry '" + entry
                        + "'; its top-level keys are: " + listing(top));
            }
            node = top.get(entry);
        }
        Map<String, Object> children = children(node);
        String where = entry == null ? "at the top level" : "in entry '" + entry + "'";
        if (children == null) {
            throw WeightsErrors.format(file, "holds " + kind(node) + " " + where
                    + ", not a dict of tensors");
        }
        boolean direct = children.values().stream().anyMatch(v -> v instanceof TensorRef);
        if (entry == null && node instanceof Map<?, ?> && !direct
                && children.values().stream().anyMatch(v -> children(v) != null)) {
            throw WeightsErrors.format(file, "holds no tensors at the top level but nested"
                    + " entries (a training checkpoint?): " + listing(children)
                    + "; choose the entry that holds the weights (e.g. model, teacher, state_dict)");
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        walk("", children, out);
        return out;
    }

    private void walk(String prefix, Map<String, Object> children, Map<String, TensorRef> out) {
        for (Map.Entry<String, Object> e : children.entrySet()) {
            String name = prefix + e.getKey();
            Object value = e.getValue();
            if (value instanceof TensorRef tensor) {
                out.put(name, tensor);
            } else if (isUnsupportedTensor(value)) {
                throw WeightsErrors.format(file, "tensor '" + name + "' is stored with "
                        + ((PyObject) value).type().name() + " (a quantized, sparse or other special"
                        + " tensor), which this reader does not support");
            } else {
                Map<String, Object> nested = children(value);
                if (nested != null) {
                    walk(name + ".", nested, out);
                }
            }
        }
    }

    /** The named children of a container, or null if the value is no container. */
    Map<String, Object> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (!(value instanceof PyObject object)) {
            return null;
        }
        Map<Object, Object> attributes = object.attributes();
        if (attributes.containsKey("_parameters") && attributes.containsKey("_modules")) {
            return nnModuleChildren(attributes);
        }
        if (object.type().module().startsWith("__torch__")) {
            return scriptModuleChildren(object);
        }
        if (!object.items().isEmpty()) {
            return children(object.items());
        }
        return null;
    }

    private Map<String, Object> nnModuleChildren(Map<Object, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        putAll(out, attributes.get("_parameters"), Set.of());
        Object nonPersistent = attributes.get("_non_persistent_buffers_set");
        putAll(out, attributes.get("_buffers"),
                nonPersistent instanceof Collection<?> c ? c : Set.of());
        putAll(out, attributes.get("_modules"), Set.of());
        return out;
    }

    private static void putAll(Map<String, Object> out, Object map, Collection<?> skip) {
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null && !skip.contains(k)) {
                    out.put(String.valueOf(k), v);
                }
            });
        }
    }

    private Map<String, Object> scriptModuleChildren(PyObject module) {
        Set<String> state = schema == null ? null : schema.stateNames(module.type());
        Map<String, Object> out = new LinkedHashMap<>();
        module.attributes().forEach((k, v) -> {
            String name = String.valueOf(k);
            boolean tensor = v instanceof TensorRef;
            if (tensor && (state == null || state.contains(name))) {
                out.put(name, v);
            } else if (v instanceof PyObject child && child.type().module().startsWith("__torch__")) {
                out.put(name, v);
            }
        });
        return out;
    }

    private static boolean isUnsupportedTensor(Object value) {
        return value instanceof PyObject o && o.type().module().startsWith("torch")
                && o.type().name().startsWith("_rebuild_");
    }

    /** {@code model (dict of 1042 tensors), iteration (int 7)} for messages. */
    private String listing(Map<String, Object> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach((k, v) -> parts.add(k + " (" + kind(v) + ")"));
        if (parts.size() > 20) {
            int more = parts.size() - 20;
            parts.subList(20, parts.size()).clear();
            parts.add("... " + more + " more");
        }
        return String.join(", ", parts);
    }

    private String kind(Object value) {
        if (value instanceof TensorRef t) {
            return "tensor " + t.dtype() + " " + Arrays.toString(t.shape());
        }
        Map<String, Object> children = value instanceof PyObject || value instanceof Map<?, ?>
                ? children(value) : null;
        if (children != null) {
            long tensors = children.values().stream().filter(v -> v instanceof TensorRef).count();
            String what = value instanceof Map<?, ?> ? "dict" : value.toString();
            return what + " of " + children.size() + " entries, " + tensors + " tensors";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
        }
        if (value instanceof String s) {
            return "string '" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "'";
        }
        if (value instanceof List<?> list) {
            return "list of " + list.size();
        }
        return TorchUnpickler.describe(value);
    }
}
