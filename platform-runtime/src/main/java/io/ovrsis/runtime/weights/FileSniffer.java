package io.ovrsis.runtime.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Tells a file's format from its first bytes, and says what a non-checkpoint looks like. */
final class FileSniffer {
    /** LONG1 opcode, 10 bytes, then torch's legacy magic number 0x1950a86a20f9469cfc6c (LE). */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c,
        0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};
    private static final int HEAD = 1024;

    private FileSniffer() {}

    static CheckpointFormat detect(Path file) throws IOException {
        requireReadableFile(file);
        byte[] head = head(file);
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return ZipLayout.of(file, zip).torchScript()
                        ? CheckpointFormat.TORCHSCRIPT : CheckpointFormat.TORCH_ZIP;
            } catch (ZipException e) {
                throw WeightsErrors.format(file, "a zip archive that is truncated or corrupt ("
                        + e.getMessage() + "); download it again", e);
            }
        }
        if (head.length > 2 && (head[0] & 0xff) == 0x80 && indexOf(head, LEGACY_MAGIC) >= 0) {
            return CheckpointFormat.TORCH_LEGACY;
        }
        throw WeightsErrors.format(file, "not a PyTorch checkpoint: it looks like "
                + describe(head, Files.size(file)));
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw WeightsErrors.missing(file, "weight file not found");
        }
        if (Files.isDirectory(file)) {
            throw WeightsErrors.missing(file, "is a directory, not a weight file");
        }
        if (!Files.isReadable(file)) {
            throw WeightsErrors.missing(file, "weight file exists but cannot be read (permissions?)");
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /** What the first bytes of a file that is no checkpoint look like, for the error message. */
    static String describe(byte[] head, long size) {
        if (size == 0) {
            return "an empty file (0 bytes)";
        }
        String binary = binaryKind(head, size);
        if (binary != null) {
            return binary;
        }
        String text = asText(head);
        if (text == null) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(8, head.length); i++) {
                hex.append(String.format(Locale.ROOT, "%02x ", head[i] & 0xff));
            }
            return "unrecognised binary data (first bytes " + hex.toString().trim() + ")";
        }
        String lower = text.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.startsWith("version https://git-lfs")) {
            return "a Git LFS pointer, not the weights themselves (run git lfs pull)";
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "an HTML page (a failed or redirected download?)";
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        if (firstLine.length() > 60) {
            firstLine = firstLine.substring(0, 60) + "...";
        }
        return "a text file starting with \"" + firstLine + "\"";
    }

    private static String binaryKind(byte[] h, long size) {
        if (startsWith(h, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(h, 0xff, 0xd8, 0xff)) {
            return "a JPEG image";
        }
        if (startsWith(h, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(h, 'I', 'I', '*', 0) || startsWith(h, 'M', 'M', 0, '*')) {
            return "a TIFF image";
        }
        if (startsWith(h, 0x1f, 0x8b)) {
            return "a gzip-compressed file (unpack it first?)";
        }
        if (startsWith(h, 'B', 'Z', 'h') || startsWith(h, 0xfd, '7', 'z', 'X', 'Z')
                || startsWith(h, '7', 'z', 0xbc, 0xaf)) {
            return "a compressed archive (bzip2, xz or 7z; unpack it first?)";
        }
        if (h.length > 262 && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return "a tar archive (very old PyTorch tar checkpoints are not supported:"
                    + " load it with PyTorch and save it again)";
        }
        if (startsWith(h, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return "a NumPy .npy array";
        }
        if (startsWith(h, 0x89, 'H', 'D', 'F')) {
            return "an HDF5 file (Keras or TensorFlow weights?)";
        }
        if (h.length > 8 && h[8] == '{') {
            long header = ByteBuffer.wrap(h, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (header > 1 && header < size) {
                return "a safetensors file, which this reader does not read";
            }
        }
        if ((h[0] & 0xff) == 0x80) {
            return "a Python pickle without torch.save's magic number (e.g. a detectron2 .pkl"
                    + " holding NumPy arrays), which is not supported";
        }
        return null;
    }

    /** The head as text if it is valid UTF-8 without control characters, else null. */
    private static String asText(byte[] head) {
        int end = head.length;
        if (end == HEAD) { // drop a multi-byte character cut at the end
            while (end > 0 && (head[end - 1] & 0xc0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0xc0) == 0xc0) {
                end--;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean control = text.chars().anyMatch(
                c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f);
        return control ? null : text;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] head, byte[] needle) {
        for (int i = 0; i + needle.length <= Math.min(head.length, 48); i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = head[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
