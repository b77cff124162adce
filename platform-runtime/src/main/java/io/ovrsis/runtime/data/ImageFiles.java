package io.ovrsis.runtime.data;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.ExifOrientation;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads one image file (PNG, JPEG, BMP, GIF: what ImageIO decodes) into interleaved 8-bit RGB as
 * PIL's {@code convert("RGB")} gives it: palette images expanded, grey replicated into three
 * channels without colour-space conversion, alpha dropped. A JPEG's EXIF orientation is applied
 * separately ({@link ExifOrientation#apply}), as detectron2's {@code read_image} does.
 */
public final class ImageFiles {
    /** Error code of an image that is missing or cannot be decoded. */
    public static final String MISSING = "OVRSIS-DATA-MISSING";

    private ImageFiles() {
    }

    /**
     * @param option how the user named the file, for messages ({@code --image})
     * @throws ComponentException when the file is missing or no decoder understands it
     */
    public static RgbImage read(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ComponentException(MISSING, option, "image " + file.toAbsolutePath() + " does not exist");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ComponentException("OVRSIS-DATA-INVALID", option, "image " + file + " cannot be decoded: "
                    + e.getMessage(), e);
        }
        if (image == null) {
            throw new ComponentException("OVRSIS-DATA-INVALID", option, file + " is not an image this program can"
                    + " decode (PNG, JPEG, BMP, GIF)");
        }
        return new RgbImage(image.getHeight(), image.getWidth(), rgb(image), null);
    }

    /** Interleaved RGB bytes of an 8-bit image. */
    static byte[] rgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int n = h * w;
        byte[] out = new byte[n * 3];
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int bands = raster.getNumBands();
        boolean eightBit = raster.getSampleModel().getSampleSize(0) == 8;
        boolean component = cm instanceof ComponentColorModel && eightBit && !(cm instanceof IndexColorModel);
        if (component && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && bands <= 2) {
            int[] px = raster.getPixels(0, 0, w, h, (int[]) null);
            for (int i = 0; i < n; i++) {
                byte g = (byte) px[i * bands];
                out[3 * i] = g;
                out[3 * i + 1] = g;
                out[3 * i + 2] = g;
            }
        } else if (component && cm.getColorSpace().isCS_sRGB() && bands >= 3) {
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

    /** The image as detectron2's {@code read_image} sees it: turned by a JPEG's EXIF orientation. */
    public static RgbImage oriented(RgbImage image, Path file) throws IOException {
        int orientation = ExifOrientation.read(file);
        if (orientation == 1) {
            return image;
        }
        byte[] turned = new byte[image.rgb().length];
        int[] dims = ExifOrientation.apply(orientation, image.rgb(), image.height(), image.width(), turned);
        return new RgbImage(dims[0], dims[1], turned, null);
    }
}
