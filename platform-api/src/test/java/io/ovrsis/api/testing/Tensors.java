package io.ovrsis.api.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tensor helpers for tests: comparisons with a tolerance, and reading reference {@code .npy} files. */
public final class Tensors {
    private Tensors() {
    }

    /** Largest absolute difference; fails on shape mismatch. */
    public static double maxAbsDiff(NDArray actual, float[] expected) {
        float[] a = actual.toFloatArray();
        if (a.length != expected.length) {
            throw new AssertionError("size " + a.length + " (shape " + actual.getShape() + "), expected " + expected.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - expected[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    public static void assertClose(NDArray actual, float[] expected, double tol) {
        double d = maxAbsDiff(actual, expected);
        if (!(d <= tol)) {
            throw new AssertionError("max |diff| = " + d + " > " + tol + " for shape " + actual.getShape());
        }
    }

    /**
     * Reads a little-endian float32 or int64 {@code .npy} file (C order) into an NDArray.
     */
    public static NDArray readNpy(NDManager manager, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
        int offset = major == 1 ? 10 : 12;
        String header = new String(bytes, offset, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
        String shapeText = header.substring(header.indexOf('(') + 1, header.indexOf(')')).trim();
        long[] shape = shapeText.isEmpty() ? new long[0]
                : java.util.Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        ByteBuffer data = ByteBuffer.allocateDirect(bytes.length - offset - headerLen).order(ByteOrder.nativeOrder());
        data.put(bytes, offset + headerLen, bytes.length - offset - headerLen).rewind();
        ai.djl.ndarray.types.DataType type;
        if (header.contains("'<f4'")) {
            type = ai.djl.ndarray.types.DataType.FLOAT32;
        } else if (header.contains("'<i8'")) {
            type = ai.djl.ndarray.types.DataType.INT64;
        } else if (header.contains("'<i4'")) {
            type = ai.djl.ndarray.types.DataType.INT32;
        } else {
            throw new IOException(file + ": unsupported npy dtype in header " + header);
        }
        if (header.contains("'fortran_order': True")) {
            throw new IOException(file + ": Fortran-order npy not supported");
        }
        return manager.create(data, new ai.djl.ndarray.types.Shape(shape), type);
    }
}
