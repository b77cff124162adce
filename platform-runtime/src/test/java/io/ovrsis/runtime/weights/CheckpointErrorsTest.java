package io.ovrsis.runtime.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.weights.StateDict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a weight file can be wrong gives one clear error naming the file. */
class CheckpointErrorsTest {
    private static final String FORMAT = TorchCheckpointReader.FORMAT_ERROR;
    private static final String MISSING = TorchCheckpointReader.MISSING_ERROR;

    @TempDir
    Path dir;

    private final TorchCheckpointReader reader = new TorchCheckpointReader();

    private ComponentException error(Path file, String entry) {
        ComponentException e = catchThrowableOfType(() -> {
            try (NDManager m = NDManager.newBaseManager(); StateDict ignored = reader.read(file, entry, m)) {
                throw new AssertionError("read " + ignored.tensors().size() + " tensors from " + file);
            }
        }, ComponentException.class);
        assertThat(e).as("a ComponentException for " + file).isNotNull();
        assertThat(e.keyPath()).isEmpty();
        assertThat(e.getMessage()).startsWith(file.toString() + ": ");
        return e;
    }

    private void assertError(Path file, String code, String... fragments) {
        ComponentException e = error(file, null);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(fragments);
    }

    @Test
    void missingFile() {
        assertError(dir.resolve("nope.pth"), MISSING, "weight file not found");
    }

    @Test
    void directoryInsteadOfAFile() {
        assertError(dir, MISSING, "is a directory");
    }

    @Test
    void truncatedZip() throws IOException {
        Path source = Fixtures.file("basic_zip.pth");
        Path cut = HandmadeCheckpoints.truncatedCopy(source, dir.resolve("cut.pth"), Files.size(source) / 2);
        assertError(cut, FORMAT, "truncated or corrupt", "download it again");
    }

    @Test
    void legacyFileCutInsideItsStorages() throws IOException {
        Path source = Fixtures.file("basic_legacy.pth");
        Path cut = HandmadeCheckpoints.truncatedCopy(source, dir.resolve("cut.pth"), Files.size(source) - 10);
        assertError(cut, FORMAT, "inside storage", "truncated");
    }

    @Test
    void legacyFileCutInsideItsPickle() throws IOException {
        Path cut = HandmadeCheckpoints.truncatedCopy(Fixtures.file("basic_legacy.pth"), dir.resolve("cut.pth"), 300);
        assertError(cut, FORMAT, "main pickle", "truncated or corrupt");
    }

    @Test
    void randomBytes() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x13;
        assertError(Files.write(dir.resolve("random.pth"), bytes), FORMAT,
                "not a PyTorch checkpoint", "unrecognised binary data (first bytes 13 ");
    }

    @Test
    void pngImage() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertError(Files.write(dir.resolve("weights.pth"), png), FORMAT,
                "not a PyTorch checkpoint", "PNG image");
    }

    @Test
    void textFile() throws IOException {
        Path text = Files.writeString(dir.resolve("weights.pth"), "hello: this is a config\nsecond line\n");
        assertError(text, FORMAT, "not a PyTorch checkpoint", "text file starting with \"hello: this is a config\"");
    }

    @Test
    void htmlPageFromAFailedDownload() throws IOException {
        Path html = Files.writeString(dir.resolve("ViT-B-16.pt"), "<!DOCTYPE html><html><body>403</body></html>");
        assertError(html, FORMAT, "HTML page");
    }

    @Test
    void gitLfsPointer() throws IOException {
        Path lfs = Files.writeString(dir.resolve("RSIB.pth"),
                "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n");
        assertError(lfs, FORMAT, "Git LFS pointer", "git lfs pull");
    }

    @Test
    void emptyFile() throws IOException {
        assertError(Files.write(dir.resolve("empty.pth"), new byte[0]), FORMAT, "empty file");
    }

    @Test
    void gzipFile() throws IOException {
        Path gz = dir.resolve("weights.pth.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.file("basic_legacy.pth")));
        }
        assertError(gz, FORMAT, "gzip-compressed");
    }

    @Test
    void plainPickleWithoutTorchMagic() throws IOException {
        byte[] pickle = {(byte) 0x80, 2, '}', 'q', 0, '.'};
        assertError(Files.write(dir.resolve("model_final.pkl"), pickle), FORMAT, "Python pickle without torch.save's magic");
    }

    @Test
    void safetensorsFile() throws IOException {
        byte[] header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[8 + header.length + 4];
        file[0] = (byte) header.length;
        System.arraycopy(header, 0, file, 8, header.length);
        assertError(Files.write(dir.resolve("model.safetensors"), file), FORMAT, "safetensors");
    }

    @Test
    void zipThatIsNoCheckpoint() throws IOException {
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hi".getBytes(StandardCharsets.US_ASCII));
        }
        assertError(zip, FORMAT, "zip archive without the data.pkl", "readme.txt");
        Path npz = dir.resolve("arrays.npz");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(npz))) {
            out.putNextEntry(new ZipEntry("w.npy"));
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
        }
        assertError(npz, FORMAT, "NumPy .npz archive");
    }

    @Test
    void storageEntryShorterThanDeclared() throws IOException {
        Path broken = HandmadeCheckpoints.rewriteEntry(Fixtures.file("basic_zip.pth"),
                dir.resolve("short.pth"), "/data/0", data -> Arrays.copyOf(data, data.length - 2));
        assertError(broken, FORMAT, "storage basic_zip/data/0 holds", "but the checkpoint declares",
                "corrupt");
    }

    @Test
    void tensorLargerThanItsStorage() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", HandmadeCheckpoints.singleTensorPickle(
                "FloatStorage", 4, 0, new int[] {2, 4}, new int[] {4, 1}));
        entries.put("data/0", HandmadeCheckpoints.floats(4));
        Path file = HandmadeCheckpoints.torchZip(dir.resolve("small.pth"), entries);
        assertError(file, FORMAT, "tensor 'w' (float32 [2, 4]", "needs 32 bytes of storage 0",
                "holds only 16 bytes");
    }

    @Test
    void unsupportedStorageType() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", HandmadeCheckpoints.singleTensorPickle(
                "ComplexFloatStorage", 2, 0, new int[] {2}, new int[] {1}));
        entries.put("data/0", new byte[16]);
        Path file = HandmadeCheckpoints.torchZip(dir.resolve("complex.pth"), entries);
        assertError(file, FORMAT, "unsupported storage type torch.ComplexFloatStorage");
    }

    @Test
    void entryThatDoesNotExistListsTheTopLevelKeys() {
        ComponentException e = error(Fixtures.file("detectron2_zip.pth"), "teacher");
        assertThat(e.code()).isEqualTo(MISSING);
        assertThat(e.getMessage()).contains("no top-level entry 'teacher'",
                "model (dict of 4 entries, 4 tensors)", "iteration (integer 7)", "optimizer (dict");
    }

    @Test
    void trainingCheckpointWithoutEntrySaysWhichEntriesThereAre() {
        ComponentException e = error(Fixtures.file("dino_teacher.pth"), null);
        assertThat(e.code()).isEqualTo(FORMAT);
        assertThat(e.getMessage()).contains("holds no tensors at the top level", "teacher (dict",
                "student (dict", "epoch (integer 3)", "choose the entry");
    }

    @Test
    void entryThatIsNoDictOfTensors() {
        ComponentException e = error(Fixtures.file("detectron2_legacy.pth"), "iteration");
        assertThat(e.code()).isEqualTo(FORMAT);
        assertThat(e.getMessage()).contains("holds integer 7 in entry 'iteration', not a dict of tensors");
    }

    @Test
    void entryOfAFileWhoseTopLevelIsATensorDict() {
        ComponentException e = error(Fixtures.file("basic_zip.pth"), "model");
        assertThat(e.code()).isEqualTo(MISSING);
        assertThat(e.getMessage()).contains("no top-level entry 'model'", "f32 (tensor float32 [2, 3])");
    }
}
