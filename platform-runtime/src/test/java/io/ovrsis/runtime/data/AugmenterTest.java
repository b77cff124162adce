package io.ovrsis.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static RgbImage ramp(int h, int w) {
        byte[] rgb = new byte[h * w * 3];
        int[] label = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                rgb[i * 3] = (byte) (x * 4);
                rgb[i * 3 + 1] = (byte) (y * 4);
                rgb[i * 3 + 2] = (byte) 50;
                label[i] = x < w / 2 ? 0 : 1;
            }
        }
        return new RgbImage(h, w, rgb, label);
    }

    @Test
    void imageAndLabelStayAlignedThroughCropAndFlip() {
        Augmenter aug = new Augmenter(16, null, false, true, 255);
        RgbImage in = ramp(24, 40);
        for (int seed = 0; seed < 20; seed++) {
            RgbImage out = aug.apply(in, new Random(seed));
            assertThat(out.height()).isEqualTo(16);
            for (int i = 0; i < 16 * 16; i++) {
                int x = (out.rgb()[i * 3] & 0xff) / 4;
                assertThat(out.label()[i]).isEqualTo(x < 20 ? 0 : 1);
            }
        }
    }

    @Test
    void smallImagesArePaddedWithIgnore() {
        Augmenter aug = new Augmenter(32, null, false, false, 255);
        RgbImage out = aug.apply(ramp(10, 12), new Random(1));
        assertThat(out.label()[31]).isEqualTo(255);
        assertThat(out.rgb()[31 * 3] & 0xff).isEqualTo(128);
        assertThat(out.label()[0]).isEqualTo(0);
    }

    @Test
    void sameSeedSameResult() {
        Augmenter aug = new Augmenter(16, 20, true, true, 255);
        RgbImage in = ramp(24, 40);
        RgbImage a = aug.apply(in, new Random(7));
        RgbImage b = aug.apply(in, new Random(7));
        assertThat(Arrays.equals(a.rgb(), b.rgb())).isTrue();
        assertThat(a.label()).containsExactly(b.label());
    }

    @Test
    void colorJitterKeepsRangeAndChangesPixels() {
        RgbImage in = ramp(8, 8);
        boolean changed = false;
        for (int s = 0; s < 10; s++) {
            byte[] out = ColorJitter.ssd(in.rgb(), new Random(s));
            changed |= !Arrays.equals(out, in.rgb());
        }
        assertThat(changed).isTrue();
    }
}
