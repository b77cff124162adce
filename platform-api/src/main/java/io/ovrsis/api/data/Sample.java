package io.ovrsis.api.data;

/**
 * A decoded sample.
 *
 * @param id the image's base name
 * @param height rows
 * @param width columns
 * @param rgb interleaved RGB, row major, H·W·3 unsigned bytes
 * @param label class index per pixel, row major (ignore index where not scored); null if unlabelled
 */
public record Sample(String id, int height, int width, byte[] rgb, int[] label) {
    public Sample {
        if (rgb.length != height * width * 3) {
            throw new IllegalArgumentException(id + ": rgb has " + rgb.length + " bytes, expected " + height * width * 3);
        }
        if (label != null && label.length != height * width) {
            throw new IllegalArgumentException(id + ": label has " + label.length + " values, expected " + height * width);
        }
    }
}
