package io.ovrsis.plugins.ovrsisbench.synthetic;

/** A polyline in image-pixel units with distance and arc-length queries. */
final class Polyline {
    private final double[] xs;
    private final double[] ys;
    private final double[] start;
    private final double length;

    Polyline(double[] xs, double[] ys) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.start = new double[xs.length];
        double s = 0;
        for (int i = 1; i < xs.length; i++) {
            start[i] = s += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        this.length = s;
    }

    double length() {
        return length;
    }

    /** Writes {distance to the line, arc length of the nearest point} into {@code out}. */
    void project(double x, double y, double[] out) {
        double best = Double.MAX_VALUE;
        double arc = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            double dx = xs[i + 1] - xs[i];
            double dy = ys[i + 1] - ys[i];
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2;
            t = Math.max(0, Math.min(1, t));
            double px = xs[i] + t * dx - x;
            double py = ys[i] + t * dy - y;
            double d2 = px * px + py * py;
            if (d2 < best) {
                best = d2;
                arc = start[i] + t * (start[i + 1] - start[i]);
            }
        }
        out[0] = Math.sqrt(best);
        out[1] = arc;
    }

    /** Writes {x, y, unit dx, unit dy} of the point at arc length {@code s} into {@code out}. */
    void pointAt(double s, double[] out) {
        int i = 0;
        while (i + 2 < xs.length && start[i + 1] < s) {
            i++;
        }
        double seg = start[i + 1] - start[i];
        double t = seg == 0 ? 0 : (s - start[i]) / seg;
        double dx = xs[i + 1] - xs[i];
        double dy = ys[i + 1] - ys[i];
        out[0] = xs[i] + t * dx;
        out[1] = ys[i] + t * dy;
        out[2] = seg == 0 ? 1 : dx / seg;
        out[3] = seg == 0 ? 0 : dy / seg;
    }

    double minX() {
        return min(xs);
    }

    double maxX() {
        return -min(negate(xs));
    }

    double minY() {
        return min(ys);
    }

    double maxY() {
        return -min(negate(ys));
    }

    private static double min(double[] v) {
        double m = Double.MAX_VALUE;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
