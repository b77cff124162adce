package io.ovrsis.runtime.data;

import io.ovrsis.api.model.PreprocessSpec;

/** RGB bytes → normalised planar float (3, H', W'), zero-padded (after normalisation) to H', W'. */
public final class ImageTensors {
    private ImageTensors() {
    }

    public static float[] normalise(RgbImage img, PreprocessSpec spec, int padH, int padW) {
        int h = img.height();
        int w = img.width();
        float[] out = new float[3 * padH * padW];
        byte[] rgb = img.rgb();
        for (int c = 0; c < 3; c++) {
            float mean = spec.mean()[c];
            float invStd = 1f / spec.std()[c];
            int plane = c * padH * padW;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[plane + y * padW + x] = ((rgb[(y * w + x) * 3 + c] & 0xff) - mean) * invStd;
                }
            }
        }
        return out;
    }

    /** Rounds up to a multiple of {@code divisor} (detectron2 size divisibility). */
    public static int padTo(int size, int divisor) {
        return divisor <= 1 ? size : (size + divisor - 1) / divisor * divisor;
    }
}
