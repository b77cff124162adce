package io.ovrsis.runtime.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance of a {@link PyClass}: the constructor arguments and the state set by the pickle's
 * {@code BUILD} opcode, kept as they are. Module objects (TorchScript modules and pickled
 * {@code torch.nn.Module}s) carry their attributes in {@link #state()} as a map.
 */
final class PyObject {
    private final PyClass type;
    private final Object[] args;
    private Object state;
    private Map<Object, Object> items;
    private List<Object> elements;

    PyObject(PyClass type, Object[] args) {
        this.type = type;
        this.args = args;
    }

    PyClass type() {
        return type;
    }

    Object[] args() {
        return args;
    }

    Object state() {
        return state;
    }

    void setState(Object value) {
        state = value;
    }

    /** Items set on an instance of a dict subclass (e.g. a yacs {@code CfgNode}). */
    Map<Object, Object> items() {
        return items == null ? Map.of() : items;
    }

    void putItem(Object key, Object value) {
        if (items == null) {
            items = new LinkedHashMap<>();
        }
        items.put(key, value);
    }

    /** Elements appended to an instance of a list subclass. */
    List<Object> elements() {
        return elements == null ? List.of() : elements;
    }

    void append(Object value) {
        if (elements == null) {
            elements = new ArrayList<>();
        }
        elements.add(value);
    }

    /** The state as an attribute map, or an empty map when the state is not a dict. */
    @SuppressWarnings("unchecked")
    Map<Object, Object> attributes() {
        return state instanceof Map<?, ?> map ? (Map<Object, Object>) map : Map.of();
    }

    @Override
    public String toString() {
        return type.qualifiedName() + " object";
    }
}
