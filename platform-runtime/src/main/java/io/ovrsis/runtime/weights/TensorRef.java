package io.ovrsis.runtime.weights;

import java.util.Arrays;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a strided view of a storage.
 * Nothing is read until {@link TensorMaterializer} copies it out.
 *
 * @param storage the storage it views
 * @param dtype its element type (the storage's, unless {@code _rebuild_tensor_v3} says otherwise)
 * @param offset the storage offset, in elements
 * @param shape the size per dimension (empty for a 0-d tensor)
 * @param stride the stride per dimension, in elements
 */
record TensorRef(StorageRef storage, StorageType dtype, long offset, long[] shape, long[] stride) {

    /** Number of elements. */
    long numel() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** Bytes of the storage this tensor touches, counted from the storage start. */
    long requiredStorageBytes() {
        if (numel() == 0) {
            return 0;
        }
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            last += (shape[d] - 1) * stride[d];
        }
        return (last + 1) * dtype.elementBytes();
    }

    /** Whether the elements lie one after another in row-major order. */
    boolean isContiguous() {
        if (numel() == 0) {
            return true;
        }
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** E.g. {@code float16 [3, 4] (offset 5, stride [4, 1])}, for messages. */
    String describe() {
        return dtype + " " + Arrays.toString(shape) + " (storage offset " + offset + ", stride "
                + Arrays.toString(stride) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "tensor " + describe();
    }
}
