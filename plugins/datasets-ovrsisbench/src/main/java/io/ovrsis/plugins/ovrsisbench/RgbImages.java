package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.ExifOrientation;
import io.ovrsis.api.data.RgbPixels;
import java.awt.image.BufferedImage;
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
        byte[] rgb = RgbPixels.of(image);
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
}
