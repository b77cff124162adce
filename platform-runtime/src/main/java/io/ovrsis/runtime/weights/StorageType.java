package io.ovrsis.runtime.weights;

import ai.djl.ndarray.types.DataType;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * The element type of a PyTorch storage, named as pickles name it ({@code torch.FloatStorage}) or as
 * a dtype ({@code torch.float32}, used by {@code _rebuild_tensor_v3}). Unpickling a reference to one
 * of these classes yields the enum constant itself.
 */
enum StorageType implements IObjectConstructor {
    FLOAT("FloatStorage", "float32", 4, DataType.FLOAT32),
    HALF("HalfStorage", "float16", 2, DataType.FLOAT16),
    BFLOAT16("BFloat16Storage", "bfloat16", 2, DataType.FLOAT32),
    DOUBLE("DoubleStorage", "float64", 8, DataType.FLOAT64),
    LONG("LongStorage", "int64", 8, DataType.INT64),
    INT("IntStorage", "int32", 4, DataType.INT32),
    SHORT("ShortStorage", "int16", 2, DataType.INT32),
    CHAR("CharStorage", "int8", 1, DataType.INT8),
    BYTE("ByteStorage", "uint8", 1, DataType.UINT8),
    BOOL("BoolStorage", "bool", 1, DataType.BOOLEAN);

    private final String storageClass;
    private final String dtypeName;
    private final int elementBytes;
    private final DataType readAs;

    StorageType(String storageClass, String dtypeName, int elementBytes, DataType readAs) {
        this.storageClass = storageClass;
        this.dtypeName = dtypeName;
        this.elementBytes = elementBytes;
        this.readAs = readAs;
    }

    /** The {@code torch} class name of this storage type, e.g. {@code FloatStorage}. */
    String storageClass() {
        return storageClass;
    }

    /** The PyTorch dtype name, e.g. {@code float16}. */
    String dtypeName() {
        return dtypeName;
    }

    /** Bytes per element as stored in the file. */
    int elementBytes() {
        return elementBytes;
    }

    /**
     * The DJL type the reader returns: the stored type, except bfloat16 (widened to float32
     * because DJL cannot hold bf16 arrays) and int16 (widened to int32, which DJL's PyTorch engine
     * supports everywhere).
     */
    DataType readAs() {
        return readAs;
    }

    /** Whether elements change width between file and array. */
    boolean widens() {
        return readAs.getNumOfBytes() != elementBytes;
    }

    /** The storage type for a {@code torch.<name>} global, or null if {@code name} is none. */
    static StorageType forTorchGlobal(String name) {
        for (StorageType t : values()) {
            if (t.storageClass.equals(name) || t.dtypeName.equals(name)) {
                return t;
            }
        }
        return switch (name) {
            case "float", "float32" -> FLOAT;
            case "half" -> HALF;
            case "double" -> DOUBLE;
            case "long" -> LONG;
            case "int" -> INT;
            case "short" -> SHORT;
            default -> null;
        };
    }

    @Override
    public Object construct(Object[] args) {
        throw new PickleException(
                "a bare torch." + storageClass + " object (not a tensor) is not supported");
    }

    @Override
    public String toString() {
        return dtypeName;
    }
}
