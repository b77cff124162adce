package io.ovrsis.runtime.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy writer: NumPy's format 1.0 header, values read back, nothing half-written left behind. */
class NpyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void headersAreNumpysFormatAlignedTo64Bytes() {
        byte[] h = NpyFiles.header("<f4", new long[] {512, 24, 24});
        assertThat(h.length % 64).isZero();
        assertThat(h[0] & 0xff).isEqualTo(0x93);
        assertThat(new String(h, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(h[6]).isEqualTo((byte) 1);
        assertThat(h[7]).isEqualTo((byte) 0);
        assertThat((h[8] & 0xff) | (h[9] & 0xff) << 8).isEqualTo(h.length - 10);
        String dict = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (512, 24, 24), }").endsWith("\n");
        assertThat(new String(NpyFiles.header("<i8", new long[] {3}), StandardCharsets.US_ASCII)).contains("'shape': (3,)");
        assertThat(new String(NpyFiles.header("<f4", new long[0]), StandardCharsets.US_ASCII)).contains("'shape': ()");
    }

    @Test
    void valuesReadBackExactly() throws IOException {
        float[] f = new float[3 * 70_000];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.sin(i) * 1e3f;
        }
        f[5] = Float.NaN;
        f[6] = Float.NEGATIVE_INFINITY;
        long[] l = {49406, 320, 1125, 539, 320, 2368, 49407, 0, -1, Long.MAX_VALUE};
        NpyFiles.writeFloat32(tmp.resolve("f.npy"), new long[] {3, 70_000}, f);
        NpyFiles.writeInt64(tmp.resolve("l.npy"), new long[] {2, 5}, l);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = Tensors.readNpy(m, tmp.resolve("f.npy"));
            assertThat(a.getShape().getShape()).containsExactly(3, 70_000);
            assertThat(a.toFloatArray()).containsExactly(f);
            NDArray b = Tensors.readNpy(m, tmp.resolve("l.npy"));
            assertThat(b.getDataType()).isEqualTo(DataType.INT64);
            assertThat(b.getShape().getShape()).containsExactly(2, 5);
            assertThat(b.toLongArray()).containsExactly(l);
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("f.npy", "l.npy");
        }
    }

    @Test
    void aShapeThatDoesNotFitTheDataIsRejectedBeforeWriting() {
        assertThatThrownBy(() -> NpyFiles.writeFloat32(tmp.resolve("x.npy"), new long[] {2, 2}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 4 values, the data has 5");
        assertThat(tmp.resolve("x.npy")).doesNotExist();
    }

    @Test
    void procStatusFieldsAreParsed() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  2345678 kB", "VmRSS:\t  1234567 kB");
        assertThat(ProcessMemory.field(status, "VmRSS:")).isEqualTo(1234567);
        assertThat(ProcessMemory.field(status, "VmHWM:")).isEqualTo(2345678);
        assertThat(ProcessMemory.field(status, "VmSwap:")).isEqualTo(-1);
        ProcessMemory now = ProcessMemory.now();
        assertThat(now.heapUsedBytes()).isPositive();
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(now.rssKiB()).isPositive();
            assertThat(now.peakRssKiB()).isGreaterThanOrEqualTo(now.rssKiB());
        }
    }
}
