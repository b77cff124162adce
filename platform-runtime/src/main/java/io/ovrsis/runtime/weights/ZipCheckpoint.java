package io.ovrsis.runtime.weights;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.weights.StateDict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the zip formats: {@code torch.save} since PyTorch 1.6 and TorchScript archives. Only
 * {@code data.pkl} is unpickled up front; each storage entry is then streamed into its own direct
 * buffer, so a checkpoint is never held in memory twice.
 */
final class ZipCheckpoint {
    private ZipCheckpoint() {}

    static StateDict read(Path file, String entry, NDManager manager) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipLayout layout = ZipLayout.of(file, zip);
            TorchUnpickler unpickler = new TorchUnpickler();
            Object root = unpickle(file, zip, layout.dataPickle(), unpickler);
            TorchScriptSchema schema = layout.torchScript()
                    ? TorchScriptSchema.read(zip, layout.prefix()) : null;
            Map<String, TensorRef> tensors = new TensorCollector(file, schema).collect(root, entry);
            StorageSource source = new ZipStorages(file, zip, layout, byteOrder(file, zip, layout));
            return TensorMaterializer.materialize(file, tensors, unpickler.storages(), source, manager);
        } catch (ZipException e) {
            throw WeightsErrors.format(file, "a zip archive that is truncated or corrupt ("
                    + e.getMessage() + "); download it again", e);
        }
    }

    private static Object unpickle(Path file, ZipFile zip, String name, TorchUnpickler unpickler)
            throws IOException {
        ZipEntry entry = zip.getEntry(name);
        try (InputStream in = zip.getInputStream(entry)) {
            return unpickler.load(in);
        } catch (ZipException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw WeightsErrors.format(file, name + " cannot be unpickled (" + e.getMessage()
                    + "): the file is corrupt or not a PyTorch checkpoint", e);
        }
    }

    private static ByteOrder byteOrder(Path file, ZipFile zip, ZipLayout layout) throws IOException {
        ZipEntry entry = zip.getEntry(layout.prefix() + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String order = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
            return switch (order) {
                case "little" -> ByteOrder.LITTLE_ENDIAN;
                case "big" -> ByteOrder.BIG_ENDIAN;
                default -> throw WeightsErrors.format(file, "unknown byteorder '" + order + "'");
            };
        }
    }

    /** Storages as zip entries {@code <prefix>/data/<key>}. */
    private record ZipStorages(Path file, ZipFile zip, ZipLayout layout, ByteOrder order)
            implements StorageSource {

        @Override
        public ByteBuffer read(StorageRef storage) throws IOException {
            String name = layout.storage(storage.key());
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw WeightsErrors.format(file, "storage " + name + " is missing from the archive:"
                        + " the file is corrupt");
            }
            long declared = storage.declaredBytes();
            if (entry.getSize() >= 0 && entry.getSize() < declared) {
                throw WeightsErrors.format(file, "storage " + name + " holds " + entry.getSize()
                        + " bytes but the checkpoint declares " + storage.numel() + " x "
                        + storage.type() + " = " + declared + " bytes: the file is corrupt");
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(declared));
            try (InputStream in = zip.getInputStream(entry);
                    ReadableByteChannel channel = Channels.newChannel(in)) {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw WeightsErrors.format(file, "storage " + name + " ends after "
                                + buffer.position() + " of " + declared + " bytes: the file is corrupt");
                    }
                }
            }
            return buffer.clear();
        }
    }
}
