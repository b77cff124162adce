package io.ovrsis.runtime.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Interleaved RGB bytes to PNG bytes. */
public final class Png {
    private Png() {
    }

    public static BufferedImage image(int height, int width, byte[] rgb) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = ((rgb[i * 3] & 0xff) << 16) | ((rgb[i * 3 + 1] & 0xff) << 8) | (rgb[i * 3 + 2] & 0xff);
        }
        img.setRGB(0, 0, width, height, px, 0, width);
        return img;
    }

    public static byte[] encode(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An 8-bit single-channel PNG of class indices (255 = ignore), the OVRSISBench label format. */
    public static byte[] encodeIndexMask(int height, int width, int[] labels) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, width, height, labels);
        return encode(img);
    }
}
