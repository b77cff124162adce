package io.ovrsis.api.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Decoded images as the interleaved 8-bit RGB that {@link Sample} holds: palette, grey and sRGB
 * rasters read directly, anything else through {@code getRGB}. Shared by dataset readers and the
 * runtime (the image given on the command line).
 */
public final class RgbPixels {
    private RgbPixels() {
    }

    /** Interleaved RGB bytes (R, G, B per pixel, row major) of any 8-bit image ImageIO decodes. */
    public static byte[] of(BufferedImage image) {
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
