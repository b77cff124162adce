package io.ovrsis.runtime.data;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.ExifOrientation;
import io.ovrsis.api.data.RgbPixels;
import java.awt.image.BufferedImage;
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
        return new RgbImage(image.getHeight(), image.getWidth(), RgbPixels.of(image), null);
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
