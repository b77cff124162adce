package io.ovrsis.runtime.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a float32 state dict as {@code torch.save} does (zip, protocol-2 pickle of
 * {@code {name: _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}}, one storage
 * entry per tensor), so that tests can make checkpoints with any key names from Java.
 */
public final class TorchZipWriter {
    /** A contiguous float32 tensor. */
    public record Tensor(long[] shape, float[] values) {
    }

    private TorchZipWriter() {
    }

    public static Path write(Path file, Map<String, Tensor> tensors) throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(2);
        pickle.write('}');
        pickle.write('(');
        int index = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long[] shape = e.getValue().shape();
            string(pickle, e.getKey());
            global(pickle, "torch._utils", "_rebuild_tensor_v2");
            pickle.write('(');
            pickle.write('(');
            string(pickle, "storage");
            global(pickle, "torch", "FloatStorage");
            string(pickle, String.valueOf(index++));
            string(pickle, "cpu");
            integer(pickle, e.getValue().values().length);
            pickle.write('t');
            pickle.write('Q');
            integer(pickle, 0);
            pickle.write('(');
            for (long d : shape) {
                integer(pickle, (int) d);
            }
            pickle.write('t');
            pickle.write('(');
            long stride = 1;
            long[] strides = new long[shape.length];
            for (int i = shape.length - 1; i >= 0; i--) {
                strides[i] = stride;
                stride *= shape[i];
            }
            for (long s : strides) {
                integer(pickle, (int) s);
            }
            pickle.write('t');
            pickle.write(0x89);
            global(pickle, "collections", "OrderedDict");
            pickle.write(')');
            pickle.write('R');
            pickle.write('t');
            pickle.write('R');
        }
        pickle.write('u');
        pickle.write('.');
        String root = file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "/";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, root + "data.pkl", pickle.toByteArray());
            entry(zip, root + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            index = 0;
            for (Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.values());
                entry(zip, root + "data/" + index++, b.array());
            }
            entry(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        le(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void global(ByteArrayOutputStream out, String module, String name) {
        out.write('c');
        byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    private static void integer(ByteArrayOutputStream out, int v) {
        out.write('J');
        le(out, v);
    }

    private static void le(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xff);
        }
    }
}
