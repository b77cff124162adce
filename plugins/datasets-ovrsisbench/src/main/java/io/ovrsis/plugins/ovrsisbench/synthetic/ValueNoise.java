package io.ovrsis.plugins.ovrsisbench.synthetic;

/** Seeded 2-D value noise on an integer lattice with smoothstep interpolation, and its fractal sum. */
final class ValueNoise {
    private final long seed;

    ValueNoise(long seed) {
        this.seed = seed;
    }

    /** Noise in [0, 1), smooth, with features about one unit apart. */
    double at(double x, double y) {
        double fx0 = Math.floor(x);
        double fy0 = Math.floor(y);
        int x0 = (int) fx0;
        int y0 = (int) fy0;
        double tx = x - fx0;
        double ty = y - fy0;
        double sx = tx * tx * (3 - 2 * tx);
        double sy = ty * ty * (3 - 2 * ty);
        double a = lattice(x0, y0);
        double b = lattice(x0 + 1, y0);
        double c = lattice(x0, y0 + 1);
        double d = lattice(x0 + 1, y0 + 1);
        double top = a + (b - a) * sx;
        double bottom = c + (d - c) * sx;
        return top + (bottom - top) * sy;
    }

    /** Fractal sum of {@code octaves} octaves (frequency ×2, amplitude ×½), in [0, 1). */
    double fbm(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double norm = 0;
        double f = 1;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * at(x * f + 17.3 * o, y * f - 9.1 * o);
            norm += amplitude;
            amplitude *= 0.5;
            f *= 2;
        }
        return sum / norm;
    }

    private double lattice(int x, int y) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }
}
