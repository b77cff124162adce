package io.ovrsis.runtime.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Broken or unusual checkpoints built byte by byte for the error tests. */
final class HandmadeCheckpoints {
    private HandmadeCheckpoints() {}

    /**
     * The pickle of {@code {"w": _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}}
     * where the storage is {@code ('storage', torch.<storageClass>, '0', 'cpu', numel)}.
     */
    static byte[] singleTensorPickle(String storageClass, int numel, int offset, int[] size, int[] stride) {
        Pickle p = new Pickle();
        p.op(0x80).op(2).op('}').op('(').string("w");
        p.global("torch._utils", "_rebuild_tensor_v2").op('(');
        p.op('(').string("storage").global("torch", storageClass).string("0").string("cpu")
                .integer(numel).op('t').op('Q');
        p.integer(offset).tuple(size).tuple(stride).op(0x89);
        p.global("collections", "OrderedDict").op(')').op('R');
        p.op('t').op('R').op('u').op('.');
        return p.bytes();
    }

    /** A zip laid out like torch.save's, with the given entries under {@code archive/}. */
    static Path torchZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/" + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A copy of a zip with one entry's bytes changed. */
    static Path rewriteEntry(Path source, Path target, String suffix, UnaryOperator<byte[]> change)
            throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data = in.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith(suffix) ? change.apply(data) : data);
                out.closeEntry();
            }
        }
        return target;
    }

    /** A copy of a zip without the entries whose names end with {@code suffix}. */
    static Path withoutEntry(Path source, Path target, String suffix) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(suffix)) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(in.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** The first {@code length} bytes of a file. */
    static Path truncatedCopy(Path source, Path target, long length) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(target, Arrays.copyOf(all, (int) length));
        return target;
    }

    static byte[] floats(int n) {
        return new byte[n * 4];
    }

    /** Writes pickle opcodes (protocol 2). */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int code) {
            out.write(code);
            return this;
        }

        Pickle string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X').le(b.length);
            write(out, b);
            return this;
        }

        Pickle global(String module, String name) {
            op('c');
            write(out, (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle integer(int v) {
            return op('J').le(v);
        }

        Pickle tuple(int[] values) {
            op('(');
            for (int v : values) {
                integer(v);
            }
            return op('t');
        }

        private Pickle le(int v) {
            for (int i = 0; i < 4; i++) {
                out.write((v >>> (8 * i)) & 0xff);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private static void write(OutputStream out, byte[] b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
