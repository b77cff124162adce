package io.ovrsis.runtime.weights;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.weights.StateDict;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the legacy {@code torch.save} format (before PyTorch 1.6, or
 * {@code _use_new_zipfile_serialization=False}): pickles of the magic number, the protocol
 * version and sys_info; the main pickle; a pickled list of storage keys; then per key an 8-byte
 * little-endian element count and the raw little-endian elements. The pickles are streamed; the
 * storages are located from their headers and read with positional reads of a {@link FileChannel}.
 */
final class LegacyCheckpoint {
    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final int PROTOCOL_VERSION = 1001;

    private LegacyCheckpoint() {}

    static StateDict read(Path file, String entry, NDManager manager) throws IOException {
        TorchUnpickler unpickler = new TorchUnpickler();
        Object root;
        List<?> keys;
        long dataStart;
        try (CountingInputStream in = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Object magic = load(file, in, new Unpickler(), "magic number");
            if (!(magic instanceof Number n) || !new BigInteger(n.toString()).equals(MAGIC)) {
                throw WeightsErrors.format(file, "starts with a pickle but not with torch.save's"
                        + " magic number: not a PyTorch checkpoint");
            }
            Object protocol = load(file, in, new Unpickler(), "protocol version");
            if (!(protocol instanceof Number p) || p.intValue() != PROTOCOL_VERSION) {
                throw WeightsErrors.format(file, "legacy torch.save protocol " + protocol
                        + " is not supported (expected " + PROTOCOL_VERSION + ")");
            }
            load(file, in, new Unpickler(), "sys_info");
            root = load(file, in, unpickler, "main pickle");
            Object list = load(file, in, new TorchUnpickler(), "storage key list");
            if (!(list instanceof List<?> l)) {
                throw WeightsErrors.format(file, "the storage key list is " + TorchUnpickler.describe(list)
                        + ": the file is corrupt");
            }
            keys = l;
            dataStart = in.count();
        }
        Map<String, TensorRef> tensors = new TensorCollector(file, null).collect(root, entry);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, Long> positions = index(file, channel, keys, dataStart, unpickler.storages());
            StorageSource source = new ChannelStorages(file, channel, positions);
            return TensorMaterializer.materialize(file, tensors, unpickler.storages(), source, manager);
        }
    }

    private static Object load(Path file, InputStream in, Unpickler unpickler, String what) {
        try {
            return unpickler.load(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ComponentException ce) {
                throw ce;
            }
            throw WeightsErrors.format(file, "the " + what + " of this legacy torch.save file cannot"
                    + " be unpickled (" + e.getMessage() + "): the file is truncated or corrupt", e);
        }
    }

    /** Where each storage's elements start, checking each header against the pickle. */
    private static Map<String, Long> index(Path file, FileChannel channel, List<?> keys,
            long start, Map<String, StorageRef> storages) throws IOException {
        long size = channel.size();
        long position = start;
        Map<String, Long> positions = new HashMap<>();
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (Object k : keys) {
            String key = String.valueOf(k);
            StorageRef storage = storages.get(key);
            if (storage == null) {
                throw WeightsErrors.format(file, "storage " + key + " is listed but never used:"
                        + " the file is corrupt");
            }
            header.clear();
            while (header.hasRemaining()) {
                if (channel.read(header, position + header.position()) < 0) {
                    throw truncated(file, key, size);
                }
            }
            long numel = header.getLong(0);
            if (numel != storage.numel()) {
                throw WeightsErrors.format(file, "storage " + key + " has " + numel
                        + " elements in the file but " + storage.numel() + " in the pickle:"
                        + " the file is corrupt");
            }
            positions.put(key, position + 8);
            position += 8 + storage.declaredBytes();
            if (position > size) {
                throw truncated(file, key, size);
            }
        }
        return positions;
    }

    private static RuntimeException truncated(Path file, String key, long size) {
        return WeightsErrors.format(file, "the file ends (" + size + " bytes) inside storage " + key
                + ": it is truncated; download it again");
    }

    /** Storages at known file positions. */
    private record ChannelStorages(Path file, FileChannel channel, Map<String, Long> positions)
            implements StorageSource {

        @Override
        public ByteBuffer read(StorageRef storage) throws IOException {
            long position = positions.get(storage.key());
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(storage.declaredBytes()));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw truncated(file, storage.key(), channel.size());
                }
            }
            return buffer.clear();
        }

        @Override
        public ByteOrder order() {
            return ByteOrder.LITTLE_ENDIAN;
        }
    }

    /** Counts the bytes the unpicklers consumed, to find where the storages start. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public synchronized void mark(int limit) {
            throw new UnsupportedOperationException("mark");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
