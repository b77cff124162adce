package io.ovrsis.plugins.ovrsisbench.synthetic;

import java.util.Random;

/**
 * Per-image camera and atmosphere: brightness, contrast, white balance, haze and sensor noise, so
 * that classes are not separable by a fixed colour.
 */
final class Photometry {
    /** Standard normal samples drawn once (fixed seed): sensor noise picks from them, cheaper than nextGaussian. */
    private static final float[] NORMAL = normalTable(4096, 0x5EED);

    private final double brightness;
    private final double contrast;
    private final double[] gain = new double[3];
    private final double haze;
    private final double noiseSigma;

    Photometry(Random random) {
        brightness = 0.86 + 0.26 * random.nextDouble();
        contrast = 0.85 + 0.30 * random.nextDouble();
        for (int c = 0; c < 3; c++) {
            gain[c] = 0.93 + 0.14 * random.nextDouble();
        }
        haze = 12 * random.nextDouble();
        noiseSigma = 1.5 + 3.5 * random.nextDouble();
    }

    /** The final 8-bit value of channel {@code c} for a shaded colour value. */
    byte apply(int c, double value, Random random) {
        double v = value * brightness * gain[c];
        v = (v - 118) * contrast + 118 + haze + noiseSigma * NORMAL[random.nextInt(NORMAL.length)];
        long rounded = Math.round(v);
        return (byte) Math.max(0, Math.min(255, rounded));
    }

    private static float[] normalTable(int n, long seed) {
        Random r = new Random(seed);
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = (float) r.nextGaussian();
        }
        return t;
    }
}
