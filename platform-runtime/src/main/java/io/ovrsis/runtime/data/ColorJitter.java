package io.ovrsis.runtime.data;

import java.util.Random;

/**
 * detectron2 / MaskFormer {@code ColorAugSSDTransform}: brightness (p ½, +U(−32, 32)); contrast
 * (p ½, ×U(0.5, 1.5)) either first or last; saturation (p ½, HSV S ×U(0.5, 1.5)); hue (p ½,
 * H + randint(−18, 18) mod 180 on OpenCV's 0–179 scale). Values are clipped to 0–255 after each step.
 * HSV conversion is done in floating point (OpenCV rounds through uint8; differences are ≤ 1 level).
 */
final class ColorJitter {
    private ColorJitter() {
    }

    static byte[] ssd(byte[] rgb, Random rng) {
        float[] v = new float[rgb.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rgb[i] & 0xff;
        }
        if (rng.nextBoolean()) {
            float delta = (float) (rng.nextDouble() * 64 - 32);
            for (int i = 0; i < v.length; i++) {
                v[i] = clip(v[i] + delta);
            }
        }
        boolean contrastFirst = rng.nextBoolean();
        if (contrastFirst) {
            contrast(v, rng);
        }
        if (rng.nextBoolean()) {
            float alpha = (float) (0.5 + rng.nextDouble());
            hsv(v, alpha, 0);
        }
        if (rng.nextBoolean()) {
            int delta = rng.nextInt(37) - 18;
            hsv(v, 1, delta);
        }
        if (!contrastFirst) {
            contrast(v, rng);
        }
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.round(v[i]);
        }
        return out;
    }

    private static void contrast(float[] v, Random rng) {
        if (rng.nextBoolean()) {
            float alpha = (float) (0.5 + rng.nextDouble());
            for (int i = 0; i < v.length; i++) {
                v[i] = clip(v[i] * alpha);
            }
        }
    }

    /** Scales saturation by {@code satScale} and shifts hue by {@code hueShift} (OpenCV units of 2°). */
    private static void hsv(float[] v, float satScale, int hueShift) {
        for (int i = 0; i < v.length; i += 3) {
            float r = v[i];
            float g = v[i + 1];
            float b = v[i + 2];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float d = max - min;
            float h;
            if (d == 0) {
                h = 0;
            } else if (max == r) {
                h = 60 * (((g - b) / d) % 6);
            } else if (max == g) {
                h = 60 * ((b - r) / d + 2);
            } else {
                h = 60 * ((r - g) / d + 4);
            }
            if (h < 0) {
                h += 360;
            }
            float s = max == 0 ? 0 : d / max;
            float val = max;
            s = Math.min(1f, s * satScale);
            // OpenCV hue is degrees / 2 in 0..179, shifted modulo 180
            float hc = Math.floorMod(Math.round(h / 2) + hueShift, 180) * 2f;
            float c = val * s;
            float x = c * (1 - Math.abs((hc / 60) % 2 - 1));
            float m = val - c;
            float rr;
            float gg;
            float bb;
            int sector = (int) (hc / 60) % 6;
            switch (sector) {
                case 0 -> { rr = c; gg = x; bb = 0; }
                case 1 -> { rr = x; gg = c; bb = 0; }
                case 2 -> { rr = 0; gg = c; bb = x; }
                case 3 -> { rr = 0; gg = x; bb = c; }
                case 4 -> { rr = x; gg = 0; bb = c; }
                default -> { rr = c; gg = 0; bb = x; }
            }
            v[i] = clip(rr + m);
            v[i + 1] = clip(gg + m);
            v[i + 2] = clip(bb + m);
        }
    }

    private static float clip(float x) {
        return Math.max(0f, Math.min(255f, x));
    }
}
