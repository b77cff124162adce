package io.ovrsis.plugins.ovrsisbench.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 2× super-sampled canvas: per sub-pixel a class, an object (its material and height) and a
 * shadow factor. {@link #render} shades every sub-pixel (a texture is evaluated once per object
 * and pixel), averages 2×2 blocks into the image, and
 * labels a pixel with the class of at least three of its four sub-pixels, else 255 (mixed edge
 * pixels are ignored).
 */
final class SceneCanvas {
    static final int SUPER = 2;

    private final int size;
    private final int hi;
    private final byte[] classes;
    private final int[] objects;
    private final float[] light;
    private final List<Material> materials = new ArrayList<>();
    private final List<Double> heights = new ArrayList<>();

    SceneCanvas(int size) {
        this.size = size;
        this.hi = size * SUPER;
        this.classes = new byte[hi * hi];
        this.objects = new int[hi * hi];
        this.light = new float[hi * hi];
        java.util.Arrays.fill(light, 1f);
    }

    int size() {
        return size;
    }

    /** Registers an object (a material at a height in metres) and returns its id. */
    int addObject(Material material, double heightMetres) {
        materials.add(material);
        heights.add(heightMetres);
        return materials.size() - 1;
    }

    /** Sets every sub-pixel from {@code ground}, which returns {class, object} for an image point. */
    void fill(Ground ground) {
        int[] out = new int[2];
        for (int i = 0; i < hi; i++) {
            for (int j = 0; j < hi; j++) {
                ground.at(centre(j), centre(i), out);
                classes[i * hi + j] = (byte) out[0];
                objects[i * hi + j] = out[1];
            }
        }
    }

    /** Paints {@code shape} over sub-pixels whose current class is in {@code overMask} (bit per class). */
    void paint(Shape shape, int classId, int objectId, int overMask) {
        int[] box = box(shape.bounds(), 0, 0);
        for (int i = box[1]; i < box[3]; i++) {
            for (int j = box[0]; j < box[2]; j++) {
                int p = i * hi + j;
                if ((overMask >>> classes[p] & 1) != 0 && shape.contains(centre(j), centre(i))) {
                    classes[p] = (byte) classId;
                    objects[p] = objectId;
                }
            }
        }
    }

    /**
     * Paints by distance to a polyline in one pass (a road with its sidewalk and lane marks): for
     * every sub-pixel within {@code reach} of the line, {@code layers} picks {class, object} from
     * the distance, the arc length and the current class, or leaves it.
     */
    void paintAlong(Polyline line, double reach, AlongLayers layers) {
        double[] pr = new double[2];
        int[] out = new int[2];
        int block = 8;
        double blockRadius = block / (double) SUPER * Math.sqrt(0.5);
        for (int bi = 0; bi < hi; bi += block) {
            for (int bj = 0; bj < hi; bj += block) {
                // the distance to a line changes by at most the distance moved: skip blocks out of reach
                line.project((bj + block / 2.0) / SUPER, (bi + block / 2.0) / SUPER, pr);
                if (pr[0] > reach + blockRadius) {
                    continue;
                }
                for (int i = bi; i < Math.min(hi, bi + block); i++) {
                    for (int j = bj; j < Math.min(hi, bj + block); j++) {
                        line.project(centre(j), centre(i), pr);
                        int p = i * hi + j;
                        if (pr[0] <= reach && layers.pick(pr[0], pr[1], classes[p], out)) {
                            classes[p] = (byte) out[0];
                            objects[p] = out[1];
                        }
                    }
                }
            }
        }
    }

    /** Number of sub-pixels inside {@code shape} whose class is in {@code mask}. */
    int count(Shape shape, int mask) {
        int[] box = box(shape.bounds(), 0, 0);
        int n = 0;
        for (int i = box[1]; i < box[3]; i++) {
            for (int j = box[0]; j < box[2]; j++) {
                if ((mask >>> classes[i * hi + j] & 1) != 0 && shape.contains(centre(j), centre(i))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Class at an image point (clamped to the canvas). */
    int classAt(double x, double y) {
        int j = Math.max(0, Math.min(hi - 1, (int) Math.floor(x * SUPER)));
        int i = Math.max(0, Math.min(hi - 1, (int) Math.floor(y * SUPER)));
        return classes[i * hi + j];
    }

    /**
     * Darkens what lies in the shadow of an object of {@code height} metres: points whose
     * sun-ward offset (dx, dy scaled by t in (0, 1], swept in four steps when {@code swept}, else
     * t = 1 only) lands in {@code shape}, unless the point belongs to an object at least as tall.
     */
    void castShadow(Shape shape, double dx, double dy, double height, boolean swept, float factor) {
        int[] box = box(shape.bounds(), dx, dy);
        int steps = swept ? 4 : 1;
        for (int i = box[1]; i < box[3]; i++) {
            for (int j = box[0]; j < box[2]; j++) {
                int p = i * hi + j;
                if (heights.get(objects[p]) >= height || light[p] < 1f) {
                    continue;
                }
                double x = centre(j);
                double y = centre(i);
                for (int s = steps; s >= 1; s--) {
                    double t = (double) s / steps;
                    if (shape.contains(x - t * dx, y - t * dy)) {
                        light[p] = factor;
                        break;
                    }
                }
            }
        }
    }

    /** Shades, reduces 2×2 blocks and applies the per-image photometric jitter. */
    AerialScene render(Photometry photometry, Random random) {
        byte[] rgb = new byte[size * size * 3];
        int[] labels = new int[size * size];
        float[] c = new float[3];
        double[] sum = new double[3];
        int[] votes = new int[4];
        int[] objectsOf = new int[4];
        float[] colours = new float[12];
        for (int r = 0; r < size; r++) {
            for (int q = 0; q < size; q++) {
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                for (int k = 0; k < SUPER * SUPER; k++) {
                    int i = r * SUPER + k / SUPER;
                    int j = q * SUPER + k % SUPER;
                    int p = i * hi + j;
                    int same = firstSameObject(objectsOf, k, objects[p]);
                    objectsOf[k] = objects[p];
                    if (same < 0) {
                        materials.get(objects[p]).colour(centre(j), centre(i), c);
                        colours[3 * k] = c[0];
                        colours[3 * k + 1] = c[1];
                        colours[3 * k + 2] = c[2];
                    } else {
                        c[0] = colours[3 * same];
                        c[1] = colours[3 * same + 1];
                        c[2] = colours[3 * same + 2];
                        colours[3 * k] = c[0];
                        colours[3 * k + 1] = c[1];
                        colours[3 * k + 2] = c[2];
                    }
                    float l = light[p];
                    sum[0] += c[0] * l;
                    sum[1] += c[1] * l;
                    sum[2] += c[2] * l * (l < 1f ? 1.08f : 1f);
                    votes[k] = classes[p];
                }
                int o = r * size + q;
                for (int ch = 0; ch < 3; ch++) {
                    rgb[3 * o + ch] = photometry.apply(ch, sum[ch] / (SUPER * SUPER), random);
                }
                labels[o] = majority(votes);
            }
        }
        return new AerialScene(size, rgb, labels);
    }

    /** Index of an earlier sub-pixel of the same pixel showing the same object (its texture is reused), or -1. */
    private static int firstSameObject(int[] objectsOf, int k, int object) {
        for (int e = 0; e < k; e++) {
            if (objectsOf[e] == object) {
                return e;
            }
        }
        return -1;
    }

    private static int majority(int[] votes) {
        for (int a = 0; a < 2; a++) {
            int n = 0;
            for (int v : votes) {
                if (v == votes[a]) {
                    n++;
                }
            }
            if (n >= 3) {
                return votes[a];
            }
        }
        return AerialClasses.IGNORE;
    }

    private double centre(int subPixel) {
        return (subPixel + 0.5) / SUPER;
    }

    /** Sub-pixel bounding box {j0, i0, j1, i1} (exclusive ends) of image bounds shifted by (dx, dy). */
    private int[] box(double[] b, double dx, double dy) {
        double x0 = Math.min(b[0], b[0] + dx);
        double y0 = Math.min(b[1], b[1] + dy);
        double x1 = Math.max(b[2], b[2] + dx);
        double y1 = Math.max(b[3], b[3] + dy);
        return new int[] {
            clamp((int) Math.floor(x0 * SUPER)), clamp((int) Math.floor(y0 * SUPER)),
            clamp((int) Math.ceil(x1 * SUPER) + 1), clamp((int) Math.ceil(y1 * SUPER) + 1)};
    }

    private int clamp(int v) {
        return Math.max(0, Math.min(hi, v));
    }

    /** Layers painted along a line: returns true and {class, object} in {@code out} to paint a sub-pixel. */
    interface AlongLayers {
        boolean pick(double distance, double arcLength, int currentClass, int[] out);
    }

    /** Ground cover: {class, object} of an image point. */
    interface Ground {
        void at(double x, double y, int[] out);
    }
}
