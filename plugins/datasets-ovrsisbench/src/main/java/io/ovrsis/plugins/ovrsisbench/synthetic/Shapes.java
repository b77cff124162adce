package io.ovrsis.plugins.ovrsisbench.synthetic;

/** The shapes scenes are made of. */
final class Shapes {
    private Shapes() {
    }

    /** A rectangle of {@code length} along {@code angle} and {@code width} across, centred at (cx, cy). */
    static Shape rotatedRect(double cx, double cy, double length, double width, double angle) {
        double ux = StrictMath.cos(angle);
        double uy = StrictMath.sin(angle);
        double hl = length / 2;
        double hw = width / 2;
        double ex = Math.abs(ux) * hl + Math.abs(uy) * hw;
        double ey = Math.abs(uy) * hl + Math.abs(ux) * hw;
        double[] bounds = {cx - ex, cy - ey, cx + ex, cy + ey};
        return new Shape() {
            @Override
            public boolean contains(double x, double y) {
                double dx = x - cx;
                double dy = y - cy;
                return Math.abs(dx * ux + dy * uy) <= hl && Math.abs(-dx * uy + dy * ux) <= hw;
            }

            @Override
            public double[] bounds() {
                return bounds.clone();
            }
        };
    }

    /**
     * A blob: radius {@code r·(1 + Σ amps[k]·cos((k+2)θ + phases[k]))} around (cx, cy), smooth and
     * star-shaped (tree crowns, lakes).
     */
    static Shape blob(double cx, double cy, double r, double[] amps, double[] phases) {
        double sum = 0;
        for (double a : amps) {
            sum += Math.abs(a);
        }
        double rMax = r * (1 + sum);
        double[] bounds = {cx - rMax, cy - rMax, cx + rMax, cy + rMax};
        double[] a = amps.clone();
        double[] p = phases.clone();
        return new Shape() {
            @Override
            public boolean contains(double x, double y) {
                double dx = x - cx;
                double dy = y - cy;
                double d2 = dx * dx + dy * dy;
                if (d2 > rMax * rMax) {
                    return false;
                }
                double theta = StrictMath.atan2(dy, dx);
                double radius = 1;
                for (int k = 0; k < a.length; k++) {
                    radius += a[k] * StrictMath.cos((k + 2) * theta + p[k]);
                }
                radius *= r;
                return d2 <= radius * radius;
            }

            @Override
            public double[] bounds() {
                return bounds.clone();
            }
        };
    }

    /**
     * Points within {@code halfWidth} of a polyline; the edge wobbles by up to ±{@code wobble}
     * pixels following {@code noise} at {@code wobbleFrequency} (0 for straight edges).
     */
    static Shape band(Polyline line, double halfWidth, ValueNoise noise, double wobble, double wobbleFrequency) {
        double reach = halfWidth + wobble;
        double[] bounds = {line.minX() - reach, line.minY() - reach, line.maxX() + reach, line.maxY() + reach};
        return new Shape() {
            @Override
            public boolean contains(double x, double y) {
                double[] pr = new double[2];
                line.project(x, y, pr);
                double edge = halfWidth;
                if (wobble > 0) {
                    edge += wobble * (2 * noise.at(x * wobbleFrequency, y * wobbleFrequency) - 1);
                }
                return pr[0] <= edge;
            }

            @Override
            public double[] bounds() {
                return bounds.clone();
            }
        };
    }

    /** Points in either shape. */
    static Shape union(Shape a, Shape b) {
        double[] ba = a.bounds();
        double[] bb = b.bounds();
        double[] bounds = {Math.min(ba[0], bb[0]), Math.min(ba[1], bb[1]), Math.max(ba[2], bb[2]), Math.max(ba[3], bb[3])};
        return new Shape() {
            @Override
            public boolean contains(double x, double y) {
                return a.contains(x, y) || b.contains(x, y);
            }

            @Override
            public double[] bounds() {
                return bounds.clone();
            }
        };
    }
}
