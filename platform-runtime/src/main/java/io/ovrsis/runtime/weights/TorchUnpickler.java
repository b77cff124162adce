package io.ovrsis.runtime.weights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler taught the parts of PyTorch's pickles that matter for weights.
 *
 * <ul>
 *   <li>Globals are resolved per instance (Pyrolite's registry is static and shared): tensor
 *       rebuild functions become {@link TensorRef}s, {@code torch.*Storage} classes become
 *       {@link StorageType}s, {@code collections.OrderedDict} a {@link LinkedHashMap}; anything
 *       else becomes a harmless {@link PyClass} whose instances are {@link PyObject}s.
 *   <li>Dicts keep their insertion order ({@code state_dict()} order).
 *   <li>{@code BUILD} never fails: {@link PyObject}s keep the state, other targets (the
 *       {@code _metadata} of an {@code OrderedDict}) drop it.
 *   <li>Persistent ids {@code ('storage', type, key, location, numel[, view_metadata])} become
 *       {@link StorageRef}s, recorded in {@link #storages()}.
 * </ul>
 */
final class TorchUnpickler extends Unpickler {
    /** Pyrolite constructors for builtins that torch pickles contain (bytes in protocol 2, sets). */
    private static final Set<String> PYROLITE_BUILTINS = Set.of(
            "_codecs.encode", "builtins.set", "builtins.frozenset", "builtins.bytearray",
            "builtins.bytes", "builtins.complex", "__builtin__.set", "__builtin__.bytearray",
            "__builtin__.bytes", "__builtin__.complex", "decimal.Decimal");
    private static final Set<String> JIT_LIST_BUILDERS = Set.of(
            "build_intlist", "build_floatlist", "build_doublelist", "build_boollist",
            "build_tensorlist", "build_complexlist", "restore_type_tag");

    private final Map<String, StorageRef> storages = new LinkedHashMap<>();

    /** Every stored storage the pickle referred to, by key, in order of first reference. */
    Map<String, StorageRef> storages() {
        return storages;
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(resolve(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                String name = (String) stack.pop();
                String module = (String) stack.pop();
                stack.add(resolve(module, name));
            }
            case Opcodes.INST -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                List<Object> args = stack.pop_all_since_marker();
                stack.add(resolve(module, name).construct(args.toArray()));
            }
            case Opcodes.OBJ -> {
                List<Object> args = stack.pop_all_since_marker();
                IObjectConstructor constructor = (IObjectConstructor) args.get(0);
                stack.add(constructor.construct(args.subList(1, args.size()).toArray()));
            }
            case Opcodes.NEWOBJ_EX -> {
                stack.pop(); // keyword arguments: the generic objects do not need them
                Object[] args = (Object[]) stack.pop();
                stack.add(((IObjectConstructor) stack.pop()).construct(args));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                if (stack.peek() instanceof PyObject target) {
                    target.setState(state);
                }
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                putPairs(map, stack.pop_all_since_marker());
                stack.add(map);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                putPairs(stack.peek(), List.of(k, value));
            }
            case Opcodes.SETITEMS -> {
                List<Object> pairs = stack.pop_all_since_marker();
                putPairs(stack.peek(), pairs);
            }
            case Opcodes.APPEND -> {
                Object value = stack.pop();
                append(stack.peek(), List.of(value));
            }
            case Opcodes.APPENDS -> {
                List<Object> values = stack.pop_all_since_marker();
                append(stack.peek(), values);
            }
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    @SuppressWarnings("unchecked")
    private static void putPairs(Object target, List<Object> flat) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            if (target instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(flat.get(i), flat.get(i + 1));
            } else if (target instanceof PyObject object) {
                object.putItem(flat.get(i), flat.get(i + 1));
            } else {
                throw new PickleException("cannot set items on " + describe(target));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void append(Object target, List<Object> values) {
        if (target instanceof List<?> list) {
            ((List<Object>) list).addAll(values);
        } else if (target instanceof PyObject object) {
            values.forEach(object::append);
        } else {
            throw new PickleException("cannot append to " + describe(target));
        }
    }

    private IObjectConstructor resolve(String module, String name) {
        String qualified = module + "." + name;
        if (module.equals("torch")) {
            StorageType type = StorageType.forTorchGlobal(name);
            if (type != null) {
                return type;
            }
        }
        switch (qualified) {
            case "collections.OrderedDict":
                return TorchUnpickler::orderedDict;
            case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2":
                return args -> tensor(args, null);
            case "torch._utils._rebuild_tensor_v3":
                return args -> tensor(args, args.length > 6 ? args[6] : null);
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state":
                return args -> args[0];
            case "torch._tensor._rebuild_from_type", "torch._tensor._rebuild_from_type_v2":
                return args -> ((IObjectConstructor) args[0]).construct((Object[]) args[2]);
            default:
                break;
        }
        if (module.equals("torch.jit._pickle") && JIT_LIST_BUILDERS.contains(name)) {
            return args -> args[0];
        }
        if (PYROLITE_BUILTINS.contains(qualified) && objectConstructors.containsKey(qualified)) {
            return objectConstructors.get(qualified);
        }
        return new PyClass(module, name);
    }

    @SuppressWarnings("unchecked")
    private static Object orderedDict(Object[] args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (args.length > 0 && args[0] instanceof List<?> pairs) {
            for (Object pair : pairs) {
                if (pair instanceof List<?> kv && kv.size() == 2) {
                    map.put(kv.get(0), kv.get(1));
                } else if (pair instanceof Object[] kv && kv.length == 2) {
                    map.put(kv[0], kv[1]);
                }
            }
        }
        return map;
    }

    private static TensorRef tensor(Object[] args, Object dtype) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage)) {
            throw new PickleException("tensor rebuild call without a storage: " + describe(args));
        }
        StorageType type = storage.type();
        if (dtype != null) {
            if (!(dtype instanceof StorageType given)) {
                throw new PickleException("unsupported tensor dtype " + describe(dtype));
            }
            type = given;
        }
        long[] shape = longs(args[2], "size");
        long[] stride = longs(args[3], "stride");
        if (shape.length != stride.length) {
            throw new PickleException("tensor size " + describe(args[2]) + " and stride "
                    + describe(args[3]) + " differ in length");
        }
        return new TensorRef(storage, type, ((Number) args[1]).longValue(), shape, stride);
    }

    private static long[] longs(Object tuple, String what) {
        List<Object> items = new ArrayList<>();
        if (tuple instanceof Object[] array) {
            items.addAll(List.of(array));
        } else if (tuple instanceof List<?> list) {
            items.addAll(list);
        } else if (tuple instanceof PyObject size && size.args().length == 1) {
            return longs(size.args()[0], what); // torch.Size((..))
        } else {
            throw new PickleException("tensor " + what + " is " + describe(tuple) + ", not a tuple");
        }
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Number n) || n.longValue() < 0) {
                throw new PickleException("tensor " + what + " holds " + describe(items.get(i)));
            }
            out[i] = n.longValue();
        }
        return out;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] id) || id.length < 2) {
            throw new PickleException("unknown persistent id " + describe(pid));
        }
        String kind = text(id[0]);
        if (kind.equals("module")) {
            return id[1]; // legacy torch.save of a whole nn.Module: ('module', class, file, source)
        }
        if (!kind.equals("storage") || id.length < 5) {
            throw new PickleException("unknown persistent id " + describe(pid));
        }
        if (!(id[1] instanceof StorageType type)) {
            throw new PickleException("unsupported storage type " + describe(id[1])
                    + " (supported: float, half, bfloat16, double, long, int, short, char, byte, bool)");
        }
        String key = text(id[2]);
        long numel = ((Number) id[4]).longValue();
        StorageRef root = storages.computeIfAbsent(key, k -> new StorageRef(k, type, numel, 0));
        if (root.type() != type) {
            throw new PickleException("storage " + key + " is referred to as both " + root.type()
                    + " and " + type);
        }
        if (id.length > 5 && id[5] instanceof Object[] view && view.length == 3) {
            // very old legacy files: (view_key, offset, view_size), both in elements
            return new StorageRef(key, type, ((Number) view[2]).longValue(),
                    ((Number) view[1]).longValue());
        }
        return root;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII)
                : String.valueOf(value);
    }

    /** A short description of a value for error messages. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Object[] tuple) {
            return "a tuple of " + tuple.length;
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value instanceof PyObject || value instanceof PyClass || value instanceof StorageType
                || value instanceof Number || value instanceof TensorRef ? value.toString()
                : "a " + value.getClass().getSimpleName();
    }
}
