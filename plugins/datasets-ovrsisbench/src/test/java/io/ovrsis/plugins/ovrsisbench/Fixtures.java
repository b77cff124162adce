package io.ovrsis.plugins.ovrsisbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Tiny image and label files for reader tests. */
final class Fixtures {
    /** A palette where index i is (i, 255 - i, 7·i mod 256): indices and colours differ. */
    static final int[][] PALETTE = palette();

    private Fixtures() {
    }

    /** A random RGB image written as JPEG (extension as given, e.g. .JPG) or PNG. */
    static void image(Path file, int height, int width, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", file.toFile())) {
            throw new IOException("no writer for " + file);
        }
    }

    /** A palette label PNG. */
    static void paletteLabel(Path file, int height, int width, int[] values) throws IOException {
        Files.createDirectories(file.getParent());
        PngFiles.writeIndexed(file, height, width, values, PALETTE);
    }

    /** An 8-bit grey label PNG. */
    static void greyLabel(Path file, int height, int width, int[] values) throws IOException {
        Files.createDirectories(file.getParent());
        PngFiles.writeGray(file, height, width, values);
    }

    /** Values cycling through {@code classes} with a 255 every 7th pixel. */
    static int[] labels(int height, int width, int classes, int shift) {
        int[] v = new int[height * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 == 3 ? 255 : (i + shift) % classes;
        }
        return v;
    }

    private static int[][] palette() {
        int[][] p = new int[256][];
        for (int i = 0; i < 256; i++) {
            p[i] = new int[] {i, 255 - i, (7 * i) % 256};
        }
        return p;
    }
}
