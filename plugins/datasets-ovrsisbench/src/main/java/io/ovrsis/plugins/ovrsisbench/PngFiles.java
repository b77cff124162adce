package io.ovrsis.plugins.ovrsisbench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes RGB PNGs and single-channel palette (index) PNGs. */
public final class PngFiles {
    private PngFiles() {
    }

    /** Writes interleaved RGB bytes as an 8-bit RGB PNG. */
    public static void writeRgb(Path file, int height, int width, byte[] rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < height * width; i++) {
            data[3 * i] = rgb[3 * i + 2];
            data[3 * i + 1] = rgb[3 * i + 1];
            data[3 * i + 2] = rgb[3 * i];
        }
        write(file, image);
    }

    /**
     * Writes label values 0..255 as an 8-bit palette PNG whose indices are the values.
     *
     * @param palette colour of each index as {r, g, b}; indices beyond it are black
     */
    public static void writeIndexed(Path file, int height, int width, int[] values, int[][] palette) throws IOException {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < Math.min(256, palette.length); i++) {
            r[i] = (byte) palette[i][0];
            g[i] = (byte) palette[i][1];
            b[i] = (byte) palette[i][2];
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 255) {
                throw new IllegalArgumentException("label value " + values[i] + " does not fit an 8-bit index PNG");
            }
            data[i] = (byte) values[i];
        }
        write(file, image);
    }

    /** Writes label values 0..255 as an 8-bit grey PNG. */
    public static void writeGray(Path file, int height, int width, int[] values) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        write(file, image);
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        // a File target writes directly; an OutputStream target would go through ImageIO's temp-file cache
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
