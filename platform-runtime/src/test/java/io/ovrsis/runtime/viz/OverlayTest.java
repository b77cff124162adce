package io.ovrsis.runtime.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTest {

    @Test
    void blendsLabelledPixelsAtAlphaPointFourAndLeavesIgnoredOnes() {
        byte[] rgb = {(byte) 100, (byte) 100, (byte) 100, (byte) 100, (byte) 100, (byte) 100};
        byte[] out = Overlay.blend(rgb, new int[] {0, 255}, 255);
        int c = Palette.color(0);
        assertThat(out[0] & 0xff).isEqualTo(Math.round(100 * 0.6f + ((c >> 16) & 0xff) * 0.4f));
        assertThat(out[3] & 0xff).isEqualTo(100);
    }

    @Test
    void smallImagesAreEnlargedSideBySide() {
        byte[] rgb = new byte[64 * 64 * 3];
        int[] labels = new int[64 * 64];
        BufferedImage panel = Overlay.panel(64, 64, rgb, labels, labels, List.of("road"), 255);
        assertThat(panel.getWidth()).isEqualTo(3 * 256);
        assertThat(panel.getHeight()).isGreaterThan(256);
        BufferedImage noTruth = Overlay.panel(300, 400, new byte[300 * 400 * 3], null, new int[300 * 400], List.of("road"), 255);
        assertThat(noTruth.getWidth()).isEqualTo(800);
    }
}
