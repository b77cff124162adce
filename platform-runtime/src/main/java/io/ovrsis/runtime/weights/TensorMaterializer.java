package io.ovrsis.runtime.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.weights.StateDict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link TensorRef}s into NDArrays: one storage at a time (read once, however many tensors
 * view it), each tensor copied out with its offset and strides, bfloat16 widened to float32 and
 * int16 to int32, bytes swapped if the file's order is not the machine's. A tensor that is the only
 * user of its whole storage keeps the storage's buffer (no copy).
 */
final class TensorMaterializer {
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    private TensorMaterializer() {}

    static StateDict materialize(Path file, Map<String, TensorRef> tensors,
            Map<String, StorageRef> roots, StorageSource source, NDManager manager)
            throws IOException {
        Map<String, List<String>> byStorage = new LinkedHashMap<>();
        tensors.forEach((name, t) ->
                byStorage.computeIfAbsent(t.storage().key(), k -> new ArrayList<>()).add(name));
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        boolean done = false;
        try {
            for (Map.Entry<String, List<String>> group : byStorage.entrySet()) {
                StorageRef root = roots.get(group.getKey());
                check(file, root, group.getValue(), tensors);
                ByteBuffer storage = source.read(root);
                boolean alone = group.getValue().size() == 1;
                for (String name : group.getValue()) {
                    arrays.put(name, toArray(storage, tensors.get(name), source.order(), alone, manager));
                }
            }
            Map<String, NDArray> ordered = new LinkedHashMap<>();
            tensors.keySet().forEach(name -> ordered.put(name, arrays.get(name)));
            done = true;
            return new StateDict(file, ordered);
        } finally {
            if (!done) {
                arrays.values().forEach(NDArray::close);
            }
        }
    }

    private static void check(Path file, StorageRef root, List<String> names,
            Map<String, TensorRef> tensors) {
        if (root.declaredBytes() > Integer.MAX_VALUE) {
            throw WeightsErrors.format(file, "storage " + root.key() + " holds "
                    + root.declaredBytes() + " bytes; storages over 2 GiB are not supported");
        }
        for (String name : names) {
            TensorRef t = tensors.get(name);
            long need = startByte(t) + t.requiredStorageBytes();
            if (t.numel() > 0 && need > root.declaredBytes()) {
                throw WeightsErrors.format(file, "tensor '" + name + "' (" + t.describe()
                        + ") needs " + need + " bytes of storage " + root.key() + ", which holds only "
                        + root.declaredBytes() + " bytes (" + root.numel() + " x " + root.type()
                        + "): the file is corrupt");
            }
        }
    }

    /** Byte position of the tensor's storage view inside the stored storage. */
    private static long startByte(TensorRef t) {
        return t.storage().elementOffset() * t.storage().type().elementBytes();
    }

    private static NDArray toArray(ByteBuffer storage, TensorRef t, ByteOrder order,
            boolean alone, NDManager manager) {
        Shape shape = new Shape(t.shape());
        StorageType type = t.dtype();
        DataType out = type.readAs();
        long numel = t.numel();
        if (numel == 0) {
            return manager.create(shape, out);
        }
        int elementBytes = type.elementBytes();
        int start = Math.toIntExact(startByte(t) + t.offset() * elementBytes);
        int bytes = Math.toIntExact(numel * elementBytes);
        boolean plain = order == NATIVE && !type.widens();
        if (plain && t.isContiguous()) {
            if (alone && start == 0 && bytes == storage.capacity()) {
                return manager.create(storage.order(NATIVE), shape, out);
            }
            ByteBuffer copy = ByteBuffer.allocateDirect(bytes).order(NATIVE);
            copy.put(0, storage, start, bytes);
            return manager.create(copy, shape, out);
        }
        ByteBuffer dst = ByteBuffer.allocateDirect(Math.toIntExact(numel * out.getNumOfBytes()))
                .order(NATIVE);
        gather(storage.duplicate().order(order), start, t, plain, dst);
        return manager.create(dst, shape, out);
    }

    /** Copies the strided elements in row-major order, converting each if needed. */
    private static void gather(ByteBuffer src, int start, TensorRef t, boolean plain, ByteBuffer dst) {
        long[] shape = t.shape();
        long[] stride = t.stride();
        int rank = shape.length;
        StorageType type = t.dtype();
        int in = type.elementBytes();
        int out = type.readAs().getNumOfBytes();
        long inner = rank == 0 ? 1 : shape[rank - 1];
        long innerStride = rank == 0 ? 1 : stride[rank - 1];
        long rows = t.numel() / inner;
        long[] index = new long[Math.max(rank - 1, 0)];
        int dstPos = 0;
        for (long row = 0; row < rows; row++) {
            long element = 0;
            for (int d = 0; d < index.length; d++) {
                element += index[d] * stride[d];
            }
            int srcPos = Math.toIntExact(start + element * in);
            if (plain && innerStride == 1) {
                int length = Math.toIntExact(inner * in);
                dst.put(dstPos, src, srcPos, length);
                dstPos += length;
            } else {
                int step = Math.toIntExact(innerStride * in);
                Math.toIntExact(srcPos + (inner - 1) * (long) step); // stays inside the buffer
                copyRow(src, srcPos, step, (int) inner, type, dst, dstPos);
                dstPos += (int) inner * out;
            }
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }

    /** Copies {@code count} elements {@code step} bytes apart, converting each. */
    private static void copyRow(ByteBuffer src, int srcPos, int step, int count, StorageType type,
            ByteBuffer dst, int dstPos) {
        int s = srcPos;
        int d = dstPos;
        switch (type) {
            case BFLOAT16 -> {
                for (int j = 0; j < count; j++, s += step, d += 4) {
                    dst.putInt(d, (src.getShort(s) & 0xffff) << 16);
                }
            }
            case SHORT -> {
                for (int j = 0; j < count; j++, s += step, d += 4) {
                    dst.putInt(d, src.getShort(s));
                }
            }
            default -> {
                switch (type.elementBytes()) {
                    case 1 -> {
                        for (int j = 0; j < count; j++, s += step, d++) {
                            dst.put(d, src.get(s));
                        }
                    }
                    case 2 -> {
                        for (int j = 0; j < count; j++, s += step, d += 2) {
                            dst.putShort(d, src.getShort(s));
                        }
                    }
                    case 4 -> {
                        for (int j = 0; j < count; j++, s += step, d += 4) {
                            dst.putInt(d, src.getInt(s));
                        }
                    }
                    default -> {
                        for (int j = 0; j < count; j++, s += step, d += 8) {
                            dst.putLong(d, src.getLong(s));
                        }
                    }
                }
            }
        }
    }
}
