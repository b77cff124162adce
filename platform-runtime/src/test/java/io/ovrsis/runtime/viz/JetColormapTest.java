package io.ovrsis.runtime.viz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JET table against OpenCV 4.9.0's {@code applyColorMap(grey, COLORMAP_JET)} (BGR read back as RGB). */
class JetColormapTest {

    private static int bgr(int b, int g, int r) {
        return (r << 16) | (g << 8) | b;
    }

    @Test
    void entriesAreOpenCvs() {
        // grey value -> OpenCV's B, G, R
        assertThat(JetColormap.rgb(0)).isEqualTo(bgr(128, 0, 0));
        assertThat(JetColormap.rgb(1)).isEqualTo(bgr(132, 0, 0));
        assertThat(JetColormap.rgb(31)).isEqualTo(bgr(252, 0, 0));
        assertThat(JetColormap.rgb(32)).isEqualTo(bgr(255, 0, 0));   // green 0.5 rounds half to even: 0
        assertThat(JetColormap.rgb(33)).isEqualTo(bgr(255, 4, 0));
        assertThat(JetColormap.rgb(64)).isEqualTo(bgr(255, 128, 0));
        assertThat(JetColormap.rgb(96)).isEqualTo(bgr(254, 255, 2));
        assertThat(JetColormap.rgb(127)).isEqualTo(bgr(130, 255, 126));
        assertThat(JetColormap.rgb(128)).isEqualTo(bgr(126, 255, 130));
        assertThat(JetColormap.rgb(159)).isEqualTo(bgr(1, 255, 254));  // OpenCV's float32 rounding: not 2
        assertThat(JetColormap.rgb(160)).isEqualTo(bgr(0, 252, 255));
        assertThat(JetColormap.rgb(200)).isEqualTo(bgr(0, 92, 255));
        assertThat(JetColormap.rgb(223)).isEqualTo(bgr(0, 0, 255));
        assertThat(JetColormap.rgb(224)).isEqualTo(bgr(0, 0, 252));
        assertThat(JetColormap.rgb(254)).isEqualTo(bgr(0, 0, 132));
        assertThat(JetColormap.rgb(255)).isEqualTo(bgr(0, 0, 128));
    }

    /** GNU Octave's jet(256) ×255, rounded half to even, everywhere but OpenCV's one float32 exception. */
    @Test
    void tableIsOctavesJetRoundedHalfToEven() {
        for (int i = 0; i < 256; i++) {
            double r = i < 96 ? 0 : i < 160 ? 4 * (i - 96) + 1.5 : i < 224 ? 255 : 255.5 - 4 * (i - 223);
            double g = i < 32 ? 0 : i < 96 ? 4 * (i - 32) + 0.5 : i < 160 ? 255 : i < 224 ? 252.5 - 4 * (i - 160) : 0;
            double b = i < 32 ? 127.5 + 4 * i : i < 96 ? 255 : i < 160 ? 253.5 - 4 * (i - 96) : 0;
            int expected = ((int) Math.rint(r) << 16) | ((int) Math.rint(g) << 8) | (int) Math.rint(b);
            if (i == 159) {
                expected -= 1;
            }
            assertThat(JetColormap.rgb(i)).as("entry %d", i).isEqualTo(expected);
        }
    }
}
