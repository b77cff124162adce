package io.ovrsis.plugins.semseg;

/**
 * detectron2's {@code SemSegEvaluator._mask_to_boundary} on a label map: pad with one ring of 0,
 * erode with a 3×3 kernel {@code d} times (OpenCV), crop, and subtract the eroded map from the
 * map. {@code d = max(1, round(0.02 · sqrt(h² + w²)))} with Python's round-half-to-even.
 *
 * <p>Iterated 3×3 erosion equals one (2d+1)×(2d+1) minimum filter; the zero ring makes every pixel
 * within {@code d} of the image edge erode to 0. The result is what detectron2 scores: the label
 * minus the smallest label within distance d (0 where the neighbourhood is uniform), not a class
 * map.
 */
public final class BoundaryMaps {
    /** detectron2's {@code dilation_ratio}. */
    public static final double DILATION_RATIO = 0.02;

    private BoundaryMaps() {
    }

    /** The erosion radius detectron2 uses for an image of this size. */
    public static int dilation(int height, int width) {
        double diagonal = Math.sqrt((double) height * height + (double) width * width);
        return Math.max(1, (int) Math.rint(DILATION_RATIO * diagonal));
    }

    /** {@code mask - erode(mask)} for a row-major {@code height × width} map of values 0..255. */
    public static int[] boundary(int[] mask, int height, int width) {
        int d = dilation(height, width);
        int[] rowMin = new int[mask.length];
        for (int r = 0; r < height; r++) {
            int base = r * width;
            for (int c = 0; c < width; c++) {
                if (c < d || c >= width - d) {
                    rowMin[base + c] = 0;
                    continue;
                }
                int m = Integer.MAX_VALUE;
                for (int k = c - d; k <= c + d; k++) {
                    m = Math.min(m, mask[base + k]);
                }
                rowMin[base + c] = m;
            }
        }
        int[] out = new int[mask.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                int eroded;
                if (r < d || r >= height - d) {
                    eroded = 0;
                } else {
                    eroded = Integer.MAX_VALUE;
                    for (int k = r - d; k <= r + d; k++) {
                        eroded = Math.min(eroded, rowMin[k * width + c]);
                    }
                }
                out[i] = mask[i] - eroded;
            }
        }
        return out;
    }
}
