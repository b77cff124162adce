package io.ovrsis.runtime.data;

/**
 * Resizing as detectron2's {@code ResizeTransform} does it with PIL: bilinear with a triangle filter
 * widened by the scale when shrinking (antialiased), computed separably in double precision and
 * rounded to uint8 (PIL uses 22-bit fixed-point coefficients, so single values can differ by one
 * grey level); labels use PIL's nearest rule (source index floor((i + 0.5)·in/out)).
 */
public final class PilResize {
    private PilResize() {
    }

    /** detectron2 {@code ResizeShortestEdge}: short side → {@code shortEdge} unless the long side would exceed {@code maxSize}. */
    public static int[] shortestEdgeSize(int h, int w, int shortEdge, int maxSize) {
        double scale = shortEdge / (double) Math.min(h, w);
        double newH = h < w ? shortEdge : scale * h;
        double newW = h < w ? scale * w : shortEdge;
        if (Math.max(newH, newW) > maxSize) {
            double s = maxSize / Math.max(newH, newW);
            newH *= s;
            newW *= s;
        }
        return new int[] {(int) (newH + 0.5), (int) (newW + 0.5)};
    }

    public static RgbImage resize(RgbImage img, int outH, int outW) {
        if (outH == img.height() && outW == img.width()) {
            return img;
        }
        byte[] rgb = resizeRgb(img.rgb(), img.height(), img.width(), outH, outW);
        int[] label = img.label() == null ? null : nearest(img.label(), img.height(), img.width(), outH, outW);
        return new RgbImage(outH, outW, rgb, label);
    }

    public static int[] nearest(int[] src, int h, int w, int outH, int outW) {
        int[] out = new int[outH * outW];
        for (int y = 0; y < outH; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / outH));
            for (int x = 0; x < outW; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / outW));
                out[y * outW + x] = src[sy * w + sx];
            }
        }
        return out;
    }

    static byte[] resizeRgb(byte[] src, int h, int w, int outH, int outW) {
        double[][] cx = coefficients(w, outW);
        double[][] cy = coefficients(h, outH);
        int[] bx = bounds(w, outW);
        int[] by = bounds(h, outH);
        double[] tmp = new double[h * outW * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < outW; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                int start = bx[2 * x];
                double[] k = cx[x];
                for (int i = 0; i < k.length; i++) {
                    int o = (y * w + start + i) * 3;
                    r += k[i] * (src[o] & 0xff);
                    g += k[i] * (src[o + 1] & 0xff);
                    b += k[i] * (src[o + 2] & 0xff);
                }
                int t = (y * outW + x) * 3;
                tmp[t] = clamp8(r);
                tmp[t + 1] = clamp8(g);
                tmp[t + 2] = clamp8(b);
            }
        }
        byte[] out = new byte[outH * outW * 3];
        for (int y = 0; y < outH; y++) {
            int start = by[2 * y];
            double[] k = cy[y];
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int i = 0; i < k.length; i++) {
                        s += k[i] * tmp[((start + i) * outW + x) * 3 + c];
                    }
                    out[(y * outW + x) * 3 + c] = (byte) clamp8(s);
                }
            }
        }
        return out;
    }

    private static int clamp8(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }

    private static int[] bounds(int in, int out) {
        int[] b = new int[out * 2];
        double scale = in / (double) out;
        double support = Math.max(scale, 1.0);
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int xmin = (int) Math.max(0, Math.floor(center - support + 0.5));
            int xmax = (int) Math.min(in, Math.floor(center + support + 0.5));
            b[2 * i] = xmin;
            b[2 * i + 1] = xmax - xmin;
        }
        return b;
    }

    private static double[][] coefficients(int in, int out) {
        double scale = in / (double) out;
        double filterScale = Math.max(scale, 1.0);
        int[] b = bounds(in, out);
        double[][] k = new double[out][];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int xmin = b[2 * i];
            int n = b[2 * i + 1];
            double[] w = new double[n];
            double total = 0;
            for (int j = 0; j < n; j++) {
                double t = Math.abs((j + xmin - center + 0.5) / filterScale);
                w[j] = t < 1 ? 1 - t : 0;
                total += w[j];
            }
            for (int j = 0; j < n; j++) {
                w[j] = total == 0 ? 0 : w[j] / total;
            }
            k[i] = w;
        }
        return k;
    }
}
