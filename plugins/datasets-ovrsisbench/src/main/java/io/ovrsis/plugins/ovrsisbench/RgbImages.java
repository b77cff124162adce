package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.ExifOrientation;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Decodes an image file to interleaved 8-bit RGB the way detectron2's {@code read_image(f, "RGB")}
 * does with PIL: palette images are expanded, grey images replicated into three channels (no
 * colour-space conversion), alpha dropped, and a JPEG's EXIF orientation applied.
 */
public final class RgbImages {

    /**
     * A decoded image.
     *
     * @param height rows
     * @param width columns
     * @param rgb H·W·3 bytes, row major
     */
    public record Rgb(int height, int width, byte[] rgb) {
    }

    private RgbImages() {
    }

    public static Rgb read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot decode image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("No image decoder understands " + file);
        }
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] rgb = toRgb(image);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            int orientation = ExifOrientation.read(file);
            if (orientation != 1) {
                byte[] turned = new byte[rgb.length];
                int[] dims = ExifOrientation.apply(orientation, rgb, h, w, turned);
                return new Rgb(dims[0], dims[1], turned);
            }
        }
        return new Rgb(h, w, rgb);
    }

    /** Interleaved RGB bytes of any 8-bit image ImageIO decodes. */
    public static byte[] toRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int n = h * w;
        byte[] out = new byte[n * 3];
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int bands = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (cm instanceof IndexColorModel icm) {
            int[] idx = raster.getPixels(0, 0, w, h, (int[]) null);
            for (int i = 0; i < n; i++) {
                out[3 * i] = (byte) icm.getRed(idx[i]);
                out[3 * i + 1] = (byte) icm.getGreen(idx[i]);
                out[3 * i + 2] = (byte) icm.getBlue(idx[i]);
            }
        } else if (cm instanceof ComponentColorModel && bits == 8
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands <= 2) {
            int[] px = raster.getPixels(0, 0, w, h, (int[]) null);
            for (int i = 0; i < n; i++) {
                byte g = (byte) px[i * bands];
                out[3 * i] = g;
                out[3 * i + 1] = g;
                out[3 * i + 2] = g;
            }
        } else if (cm instanceof ComponentColorModel && bits == 8 && cm.getColorSpace().isCS_sRGB() && bands >= 3) {
            int[] px = raster.getPixels(0, 0, w, h, (int[]) null);
            for (int i = 0; i < n; i++) {
                out[3 * i] = (byte) px[i * bands];
                out[3 * i + 1] = (byte) px[i * bands + 1];
                out[3 * i + 2] = (byte) px[i * bands + 2];
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < n; i++) {
                out[3 * i] = (byte) (argb[i] >> 16);
                out[3 * i + 1] = (byte) (argb[i] >> 8);
                out[3 * i + 2] = (byte) argb[i];
            }
        }
        return out;
    }
}
