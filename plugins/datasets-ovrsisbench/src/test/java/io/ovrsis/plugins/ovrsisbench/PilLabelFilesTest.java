package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Label PNGs written by PIL (src/test/resources/pil/make_pil_labels.py) read to the same values as
 * {@code np.array(Image.open(f))}, including the 1- and 4-bit palette files PIL writes for small
 * palettes.
 */
class PilLabelFilesTest {

    private static int[] read(String name) throws Exception {
        Path file = Path.of(PilLabelFilesTest.class.getResource("/pil/" + name).toURI());
        return IndexLabels.readRaw(file, "k").values();
    }

    @Test
    void rawValuesMatchPil() throws Exception {
        assertThat(read("palette_4bit.png")).containsExactly(0, 1, 2, 3, 4, 1);
        assertThat(read("palette_1bit.png")).containsExactly(0, 1, 1, 0);
        assertThat(read("grey_8bit.png")).containsExactly(255, 1, 2, 3, 4, 1);
        assertThat(read("palette_8bit.png")).containsExactly(255, 1, 2, 3, 4, 1);
    }
}
