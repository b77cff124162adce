package io.ovrsis.runtime.features;

import io.ovrsis.runtime.checkpoint.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format 1.0, little-endian, C order) atomically: a temporary file
 * in the target folder, then a rename, so a reader never sees half a file.
 */
public final class NpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int CHUNK = 1 << 16;

    private NpyFiles() {
    }

    /** A float32 ({@code <f4}) array of the given shape. */
    public static void writeFloat32(Path file, long[] shape, float[] data) throws IOException {
        check(shape, data.length);
        AtomicFiles.write(file, out -> {
            out.write(header("<f4", shape));
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i += CHUNK) {
                buf.clear();
                buf.asFloatBuffer().put(data, i, Math.min(CHUNK, data.length - i));
                flush(out, buf, Math.min(CHUNK, data.length - i) * Float.BYTES);
            }
        });
    }

    /** An int64 ({@code <i8}) array of the given shape. */
    public static void writeInt64(Path file, long[] shape, long[] data) throws IOException {
        check(shape, data.length);
        AtomicFiles.write(file, out -> {
            out.write(header("<i8", shape));
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i += CHUNK) {
                buf.clear();
                buf.asLongBuffer().put(data, i, Math.min(CHUNK, data.length - i));
                flush(out, buf, Math.min(CHUNK, data.length - i) * Long.BYTES);
            }
        });
    }

    private static void flush(OutputStream out, ByteBuffer buf, int bytes) throws IOException {
        out.write(buf.array(), 0, bytes);
    }

    private static void check(long[] shape, int length) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + n
                    + " values, the data has " + length);
        }
    }

    /**
     * Magic, version 1.0, header length, then the header dict padded with spaces and ending in a
     * newline so that the data starts at a multiple of 64 bytes.
     */
    static byte[] header(String descr, long[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String padded = dict + " ".repeat(total - unpadded) + "\n";
        byte[] text = padded.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length).put(text);
        return b.array();
    }
}
