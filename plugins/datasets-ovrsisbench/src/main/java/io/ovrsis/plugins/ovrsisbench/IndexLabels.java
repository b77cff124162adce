package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.ComponentException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a label PNG the way the RSKT-Seg code does ({@code np.array(Image.open(f))}): the raw
 * stored values, i.e. palette indices of a palette PNG or grey values of a grey PNG, read from the
 * raster (never through a colour model, which would map palette indices to colours).
 */
public final class IndexLabels {

    /**
     * A label map.
     *
     * @param height rows
     * @param width columns
     * @param values class index or ignore value per pixel, row major
     */
    public record LabelMap(int height, int width, int[] values) {
    }

    private IndexLabels() {
    }

    /** Reads the raw values without checking them. */
    public static LabelMap readRaw(Path file, String keyPath) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot decode label " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("No image decoder understands label " + file);
        }
        Raster raster = image.getRaster();
        if (raster.getNumBands() != 1) {
            throw new ComponentException("OVRSIS-DATA-INVALID", keyPath, "Label " + file + " has " + raster.getNumBands()
                    + " channels; labels must be single-channel index PNGs (palette or 8-bit grey) holding class indices"
                    + " 0..N-1 and 255 for ignore, not colour-coded RGB masks.");
        }
        int h = raster.getHeight();
        int w = raster.getWidth();
        return new LabelMap(h, w, raster.getPixels(0, 0, w, h, (int[]) null));
    }

    /**
     * Reads and checks a label map: every value must be a class index {@code 0..numClasses-1} or
     * {@code ignoreIndex}.
     *
     * @param classesSource where the class list came from, for the error message
     */
    public static LabelMap read(Path file, int numClasses, int ignoreIndex, String classesSource, String keyPath)
            throws IOException {
        LabelMap map = readRaw(file, keyPath);
        int[] v = map.values();
        for (int i = 0; i < v.length; i++) {
            int x = v[i];
            if (x != ignoreIndex && (x < 0 || x >= numClasses)) {
                throw new ComponentException("OVRSIS-DATA-INVALID", keyPath, "Label " + file + " holds the value " + x
                        + " at row " + i / map.width() + ", column " + i % map.width() + ", which is neither a class index 0.."
                        + (numClasses - 1) + " (" + numClasses + " classes from " + classesSource + ") nor the ignore value "
                        + ignoreIndex + ". Check the label files, or the class list if it is too short.");
            }
        }
        return map;
    }
}
