package io.ovrsis.runtime.cli;

import ai.djl.ndarray.NDManager;
import io.ovrsis.runtime.checkpoint.AtomicFiles;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.Predictor;
import io.ovrsis.runtime.features.NpyFiles;
import io.ovrsis.runtime.viz.CostMapPictures;
import io.ovrsis.runtime.viz.LegendOverlay;
import io.ovrsis.runtime.viz.Palette;
import io.ovrsis.runtime.viz.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The files {@code ovrsis predict} writes, each atomically (temporary file, then rename). */
final class PredictionFiles {
    private PredictionFiles() {
    }

    /**
     * Grey PNG whose pixel values are the class indices (0 = first name of {@code --classes}): 8-bit
     * for up to 256 classes, 16-bit beyond.
     */
    static void mask(Path file, Predictor.Prediction p) throws IOException {
        byte[] png;
        if (p.classes() <= 256) {
            png = Png.encodeIndexMask(p.height(), p.width(), p.labels());
        } else {
            BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_USHORT_GRAY);
            img.getRaster().setPixels(0, 0, p.width(), p.height(), p.labels());
            png = Png.encode(img);
        }
        AtomicFiles.write(file, png);
    }

    /** RGB PNG with every pixel in its class's colour (the overlay's palette). */
    static void colorMask(Path file, Predictor.Prediction p) throws IOException {
        byte[] rgb = new byte[p.labels().length * 3];
        for (int i = 0; i < p.labels().length; i++) {
            int c = Palette.color(p.labels()[i]);
            rgb[3 * i] = (byte) (c >> 16);
            rgb[3 * i + 1] = (byte) (c >> 8);
            rgb[3 * i + 2] = (byte) c;
        }
        AtomicFiles.write(file, Png.encode(Png.image(p.height(), p.width(), rgb)));
    }

    static void overlay(Path file, RgbImage image, Predictor.Prediction p, List<String> classes) throws IOException {
        AtomicFiles.write(file, Png.encode(LegendOverlay.draw(image.height(), image.width(), image.rgb(), p.labels(), classes)));
    }

    /** float32 .npy of shape (T, h, w). */
    static void logits(Path file, Predictor.ClassMaps logits) throws IOException {
        NpyFiles.writeFloat32(file, new long[] {logits.classes(), logits.height(), logits.width()}, logits.values());
    }

    /**
     * Per class and source {@code <dir>/<stem>/<source>_<index>_<name>.png} (the heat map blended
     * over the image, method.md §10) and {@code <dir>/<stem>/summary_<index>_<name>.png} (the image
     * and every source side by side).
     *
     * @return the folder written
     */
    static Path costMaps(Path dir, String stem, RgbImage image, Map<String, Predictor.ClassMaps> maps,
                         List<String> classes, NDManager manager) throws IOException {
        Path out = dir.resolve(stem);
        int digits = String.valueOf(Math.max(0, classes.size() - 1)).length();
        for (int c = 0; c < classes.size(); c++) {
            String name = String.format(Locale.ROOT, "%0" + digits + "d_%s", c, slug(classes.get(c)));
            List<byte[]> tiles = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            tiles.add(image.rgb());
            captions.add("image");
            for (Map.Entry<String, Predictor.ClassMaps> e : maps.entrySet()) {
                Predictor.ClassMaps m = e.getValue();
                int[] grey = CostMapPictures.heat(m.values(), c * m.height() * m.width(), m.height(), m.width(),
                        image.height(), image.width(), manager);
                byte[] blended = CostMapPictures.blend(image.rgb(), grey);
                AtomicFiles.write(out.resolve(e.getKey() + "_" + name + ".png"),
                        Png.encode(Png.image(image.height(), image.width(), blended)));
                tiles.add(blended);
                captions.add(e.getKey());
            }
            BufferedImage summary = CostMapPictures.summary("class " + c + ": " + classes.get(c), image.height(),
                    image.width(), tiles, captions);
            AtomicFiles.write(out.resolve("summary_" + name + ".png"), Png.encode(summary));
        }
        return out;
    }

    /** A class name as a file-name part: lower case letters, digits and dashes. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.isEmpty() ? "class" : s;
    }
}
