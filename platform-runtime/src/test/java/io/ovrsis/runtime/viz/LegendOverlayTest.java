package io.ovrsis.runtime.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlay with legend: the image part is Overlay.blend, enlarged; a narrow image still fits its legend. */
class LegendOverlayTest {

    @Test
    void blendsEnlargesAndMakesRoomForTheLegend() {
        int h = 10;
        int w = 4;
        byte[] rgb = new byte[h * w * 3];
        int[] labels = new int[h * w];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 30 ? 1 : 2;
            rgb[3 * i] = (byte) 200;
        }
        BufferedImage img = LegendOverlay.draw(h, w, rgb, labels, List.of("unused", "a rather long class name", "b"));
        int zoom = 256 / h;
        assertThat(img.getWidth()).isGreaterThan(w * zoom);
        // two classes present, one per legend row here
        assertThat(img.getHeight()).isEqualTo(h * zoom + 2 * 18 + 8);
        byte[] blended = Overlay.blend(rgb, labels, -1);
        int expected = ((blended[0] & 0xff) << 16) | ((blended[1] & 0xff) << 8) | (blended[2] & 0xff);
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(expected);
        assertThat(img.getRGB(w * zoom - 1, h * zoom - 1) & 0xffffff).isNotEqualTo(expected); // class 2 at the bottom
    }
}
