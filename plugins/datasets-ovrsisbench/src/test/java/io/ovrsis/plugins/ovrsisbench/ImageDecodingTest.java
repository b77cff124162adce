package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.ExifOrientation;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecodingTest {

    @Test
    void exifTranspositionsMatchPil() {
        byte[] in = new byte[2 * 3 * 3];
        for (int i = 0; i < 6; i++) {
            in[3 * i] = (byte) i;
        }
        // np.array(Image.fromarray(np.arange(6).reshape(2, 3)).transpose(m)) with PIL 9.4
        int[][] expected = {null, null,
            {2, 1, 0, 5, 4, 3}, {5, 4, 3, 2, 1, 0}, {3, 4, 5, 0, 1, 2},
            {0, 3, 1, 4, 2, 5}, {3, 0, 4, 1, 5, 2}, {5, 2, 4, 1, 3, 0}, {2, 5, 1, 4, 0, 3}};
        for (int o = 2; o <= 8; o++) {
            byte[] out = new byte[in.length];
            int[] dims = ExifOrientation.apply(o, in, 2, 3, out);
            assertThat(dims).as("orientation %d", o).containsExactly(o >= 5 ? 3 : 2, o >= 5 ? 2 : 3);
            for (int i = 0; i < 6; i++) {
                assertThat((int) out[3 * i]).as("orientation %d pixel %d", o, i).isEqualTo(expected[o][i]);
            }
        }
    }

    @Test
    void jpegOrientationIsReadAndApplied(@TempDir Path temp) throws Exception {
        BufferedImage image = new BufferedImage(8, 16, BufferedImage.TYPE_3BYTE_BGR); // 16 rows, 8 columns
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        for (boolean little : new boolean[] {false, true}) {
            Path file = temp.resolve("rotated" + little + ".JPG");
            Files.write(file, withOrientation(jpeg.toByteArray(), 6, little));
            assertThat(ExifOrientation.read(file)).isEqualTo(6);
            RgbImages.Rgb rgb = RgbImages.read(file);
            assertThat(rgb.height()).isEqualTo(8);
            assertThat(rgb.width()).isEqualTo(16);
        }
        Path plain = temp.resolve("plain.jpg");
        Files.write(plain, jpeg.toByteArray());
        assertThat(ExifOrientation.read(plain)).isEqualTo(1);
        assertThat(RgbImages.read(plain).height()).isEqualTo(16);
    }

    @Test
    void greyPaletteAndAlphaImagesDecodeLikePilConvertRgb(@TempDir Path temp) throws Exception {
        Path grey = temp.resolve("grey.png");
        PngFiles.writeGray(grey, 1, 3, new int[] {0, 100, 200});
        assertThat(RgbImages.read(grey).rgb()).containsExactly(0, 0, 0, 100, 100, 100, (byte) 200, (byte) 200, (byte) 200);

        Path palette = temp.resolve("palette.png");
        PngFiles.writeIndexed(palette, 1, 2, new int[] {3, 250}, Fixtures.PALETTE);
        assertThat(RgbImages.read(palette).rgb()).containsExactly(3, (byte) 252, 21, (byte) 250, 5, (byte) (7 * 250 % 256));

        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80102030);
        argb.setRGB(1, 0, 0xFFA0B0C0);
        Path alpha = temp.resolve("alpha.png");
        ImageIO.write(argb, "png", alpha.toFile());
        assertThat(RgbImages.read(alpha).rgb()).containsExactly(0x10, 0x20, 0x30, (byte) 0xA0, (byte) 0xB0, (byte) 0xC0);
    }

    /** Inserts an APP1 Exif segment with one IFD0 entry, orientation, right after the SOI marker. */
    private static byte[] withOrientation(byte[] jpeg, int orientation, boolean little) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        if (little) {
            tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                (byte) orientation, 0, 0, 0, 0, 0, 0, 0});
        } else {
            tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                0, (byte) orientation, 0, 0, 0, 0, 0, 0});
        }
        byte[] payload = tiff.toByteArray();
        int length = 2 + 6 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
