package io.ovrsis.plugins.ovrsisbench.synthetic;

import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.BARE_SOIL;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.BUILDING;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.CAR;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.IMPERVIOUS;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.LOW_VEGETATION;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.ROAD;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.TREE;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.WATER;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Paints one aerial-like scene at about 0.5 m per pixel: ground cells (grass or crop fields, bare
 * soil, pavement), sometimes a lake or river, roads with sidewalks and dashed lane marks, buildings
 * along the roads (gabled roofs with a lit and a shaded face, or flat roofs with a parapet and roof
 * fixtures), cars on the roads and in parking rows, clusters of tree crowns, then cast shadows
 * away from the sun. Shadows darken what they fall on and keep its class. Three scene types
 * (urban, suburban, rural) change the mix. Object counts scale with the image area, object sizes
 * do not.
 */
public final class AerialSceneGenerator {
    /** Bumped whenever the same seed would paint a different scene. */
    public static final int VERSION = 1;

    static final int ALL = 0xFF;
    static final int GROUND = bit(LOW_VEGETATION) | bit(BARE_SOIL) | bit(IMPERVIOUS);

    private enum Type { URBAN, SUBURBAN, RURAL }

    private final Random random;
    private final ValueNoise noise;
    private final SceneCanvas canvas;
    private final Materials materials;
    private final Type type;
    private final double area;
    private final double sunX;
    private final double sunY;
    private final double mainAngle;
    private final List<Road> roads = new ArrayList<>();
    private final List<Caster> casters = new ArrayList<>();
    private final Cars cars;

    record Road(Polyline line, double halfWidth) {
    }

    private record Caster(Shape shape, double height) {
    }

    private AerialSceneGenerator(long seed, int size) {
        random = new Random(seed);
        noise = new ValueNoise(random.nextLong());
        canvas = new SceneCanvas(size);
        double sunAngle = random.nextDouble() * 2 * Math.PI;
        sunX = StrictMath.cos(sunAngle);
        sunY = StrictMath.sin(sunAngle);
        materials = new Materials(noise, random, sunX, sunY);
        double t = random.nextDouble();
        type = t < 0.35 ? Type.URBAN : t < 0.75 ? Type.SUBURBAN : Type.RURAL;
        area = (double) size * size / (96.0 * 96.0);
        mainAngle = random.nextDouble() * Math.PI;
        cars = new Cars(canvas, materials, random);
    }

    /** The scene for {@code seed}, {@code size}×{@code size} pixels. */
    public static AerialScene generate(long seed, int size) {
        return new AerialSceneGenerator(seed, size).paint();
    }

    private AerialScene paint() {
        ground();
        double waterChance = type == Type.RURAL ? 0.6 : type == Type.SUBURBAN ? 0.4 : 0.2;
        if (random.nextDouble() < waterChance) {
            water();
        }
        roads();
        buildings();
        for (Road road : roads) {
            double perLane = type == Type.URBAN ? 0.9 : type == Type.SUBURBAN ? 0.5 : 0.25;
            cars.alongRoad(road, perLane).forEach(s -> casters.add(new Caster(s, 1.5)));
        }
        double parkingChance = type == Type.URBAN ? 0.6 : type == Type.SUBURBAN ? 0.25 : 0.0;
        if (random.nextDouble() < parkingChance) {
            cars.parkingRows(mainAngle).forEach(s -> casters.add(new Caster(s, 1.5)));
        }
        trees();
        double metresToPixels = 0.45 + 0.4 * random.nextDouble();
        float darkness = (float) (0.42 + 0.16 * random.nextDouble());
        for (Caster c : casters) {
            double len = c.height() * metresToPixels;
            canvas.castShadow(c.shape(), -sunX * len, -sunY * len, c.height(), true, darkness);
        }
        return canvas.render(new Photometry(random), random);
    }

    private void ground() {
        int n = Math.max(2, (int) Math.round((3 + random.nextInt(4)) * area));
        int size = canvas.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] classes = new int[n];
        int[] objects = new int[n];
        for (int k = 0; k < n; k++) {
            xs[k] = (-0.1 + 1.2 * random.nextDouble()) * size;
            ys[k] = (-0.1 + 1.2 * random.nextDouble()) * size;
            double u = random.nextDouble();
            classes[k] = switch (type) {
                case URBAN -> u < 0.55 ? IMPERVIOUS : u < 0.85 ? LOW_VEGETATION : BARE_SOIL;
                case SUBURBAN -> u < 0.6 ? LOW_VEGETATION : u < 0.8 ? IMPERVIOUS : BARE_SOIL;
                case RURAL -> u < 0.55 ? LOW_VEGETATION : BARE_SOIL;
            };
            Material m = switch (classes[k]) {
                case LOW_VEGETATION -> type == Type.RURAL ? materials.crop() : materials.grass();
                case BARE_SOIL -> materials.soil();
                default -> materials.pavement();
            };
            objects[k] = canvas.addObject(m, 0);
        }
        double warp = type == Type.RURAL ? 3 : 9;
        double offset = random.nextDouble() * 1000;
        // the warp is smooth (features ~30 px), so it is sampled every 2 px and interpolated
        int cells = size / 2 + 3;
        double[] warpX = new double[cells * cells];
        double[] warpY = new double[cells * cells];
        for (int gy = 0; gy < cells; gy++) {
            for (int gx = 0; gx < cells; gx++) {
                double x = 2.0 * gx - 2;
                double y = 2.0 * gy - 2;
                warpX[gy * cells + gx] = warp * (2 * noise.fbm(x * 0.03 + offset, y * 0.03, 2) - 1);
                warpY[gy * cells + gx] = warp * (2 * noise.fbm(x * 0.03, y * 0.03 + offset, 2) - 1);
            }
        }
        canvas.fill((x, y, out) -> {
            double fx = (x + 2) / 2;
            double fy = (y + 2) / 2;
            int gx = Math.min(cells - 2, (int) fx);
            int gy = Math.min(cells - 2, (int) fy);
            double tx = fx - gx;
            double ty = fy - gy;
            double wx = x + bilinear(warpX, cells, gx, gy, tx, ty);
            double wy = y + bilinear(warpY, cells, gx, gy, tx, ty);
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < xs.length; k++) {
                double d = (wx - xs[k]) * (wx - xs[k]) + (wy - ys[k]) * (wy - ys[k]);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            out[0] = classes[best];
            out[1] = objects[best];
        });
    }

    private static double bilinear(double[] grid, int cells, int gx, int gy, double tx, double ty) {
        double a = grid[gy * cells + gx];
        double b = grid[gy * cells + gx + 1];
        double c = grid[(gy + 1) * cells + gx];
        double d = grid[(gy + 1) * cells + gx + 1];
        double top = a + (b - a) * tx;
        return top + (c + (d - c) * tx - top) * ty;
    }

    private void water() {
        int size = canvas.size();
        int object = canvas.addObject(materials.water(), 0);
        Shape shape;
        if (random.nextDouble() < 0.6) {
            double[] amps = {0.05 + 0.12 * random.nextDouble(), 0.03 + 0.08 * random.nextDouble(), 0.02 + 0.05 * random.nextDouble()};
            double[] phases = {random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3};
            shape = Shapes.blob((0.1 + 0.8 * random.nextDouble()) * size, (0.1 + 0.8 * random.nextDouble()) * size,
                    12 + 18 * random.nextDouble(), amps, phases);
        } else {
            double a = random.nextDouble() * Math.PI;
            double cx = (0.25 + 0.5 * random.nextDouble()) * size;
            double cy = (0.25 + 0.5 * random.nextDouble()) * size;
            double[] xs = new double[4];
            double[] ys = new double[4];
            for (int k = 0; k < 4; k++) {
                double t = (-1 + 2 * k / 3.0) * 0.8 * size;
                double lateral = random.nextGaussian() * 0.08 * size;
                xs[k] = cx + t * StrictMath.cos(a) - lateral * StrictMath.sin(a);
                ys[k] = cy + t * StrictMath.sin(a) + lateral * StrictMath.cos(a);
            }
            shape = Shapes.band(new Polyline(xs, ys), 5 + 6 * random.nextDouble(), noise, 1.5, 0.08);
        }
        canvas.paint(shape, WATER, object, ALL);
    }

    private void roads() {
        int size = canvas.size();
        double scale = Math.sqrt(area);
        int n = switch (type) {
            case URBAN -> 2 + (random.nextDouble() < 0.4 ? 1 : 0);
            case SUBURBAN -> 1 + (random.nextDouble() < 0.4 ? 1 : 0);
            case RURAL -> random.nextDouble() < 0.6 ? 1 : 0;
        };
        n = (int) Math.round(n * scale);
        for (int i = 0; i < n; i++) {
            double angle = type == Type.URBAN ? mainAngle + (i % 2) * Math.PI / 2
                    : mainAngle + (i == 0 ? 0 : 0.4 + random.nextDouble() * (Math.PI - 0.8));
            double ux = StrictMath.cos(angle);
            double uy = StrictMath.sin(angle);
            double across = (random.nextDouble() - 0.5) * 0.6 * size;
            double px = size / 2.0 - uy * across;
            double py = size / 2.0 + ux * across;
            double reach = 1.5 * size;
            double[] xs;
            double[] ys;
            if (type != Type.URBAN && random.nextDouble() < 0.35) {
                double bend = (random.nextBoolean() ? 1 : -1) * (0.3 + 0.5 * random.nextDouble());
                double vx = StrictMath.cos(angle + bend);
                double vy = StrictMath.sin(angle + bend);
                xs = new double[] {px - ux * reach, px, px + vx * reach};
                ys = new double[] {py - uy * reach, py, py + vy * reach};
            } else {
                xs = new double[] {px - ux * reach, px + ux * reach};
                ys = new double[] {py - uy * reach, py + uy * reach};
            }
            double halfWidth = switch (type) {
                case URBAN -> 6.5 + 3 * random.nextDouble();
                case SUBURBAN -> 5 + 2.5 * random.nextDouble();
                case RURAL -> 3.8 + 2 * random.nextDouble();
            };
            Polyline line = new Polyline(xs, ys);
            boolean sidewalk = type == Type.URBAN || (type == Type.SUBURBAN && random.nextBoolean());
            int walk = sidewalk ? canvas.addObject(materials.pavement(), 0) : -1;
            int asphalt = canvas.addObject(materials.asphalt(), 0);
            int marks = halfWidth >= 5 ? canvas.addObject(materials.laneMark(), 0) : -1;
            double hw = halfWidth;
            canvas.paintAlong(line, hw + 2.2, (distance, arc, current, out) -> {
                if (distance <= hw) {
                    boolean mark = marks >= 0 && distance <= 0.45 && arc % 8 < 4;
                    out[0] = ROAD;
                    out[1] = mark ? marks : asphalt;
                    return true;
                }
                if (walk >= 0 && (GROUND >>> current & 1) != 0) {
                    out[0] = IMPERVIOUS;
                    out[1] = walk;
                    return true;
                }
                return false;
            });
            roads.add(new Road(line, halfWidth));
        }
    }

    private void buildings() {
        int n = switch (type) {
            case URBAN -> 4 + random.nextInt(4);
            case SUBURBAN -> 3 + random.nextInt(3);
            case RURAL -> random.nextInt(3);
        };
        n = (int) Math.round(n * area);
        Buildings painter = new Buildings(canvas, materials, random, sunX, sunY);
        for (int b = 0; b < n; b++) {
            Buildings.Style style = switch (type) {
                case URBAN -> Buildings.Style.URBAN;
                case SUBURBAN -> Buildings.Style.SUBURBAN;
                case RURAL -> Buildings.Style.RURAL;
            };
            Buildings.Placed placed = painter.place(style, roads, mainAngle);
            if (placed != null) {
                casters.add(new Caster(placed.footprint(), placed.height()));
            }
        }
    }

    private void trees() {
        int clusters = switch (type) {
            case URBAN -> 2 + random.nextInt(3);
            case SUBURBAN -> 3 + random.nextInt(4);
            case RURAL -> 2 + random.nextInt(4);
        };
        clusters = (int) Math.round(clusters * area);
        Trees painter = new Trees(canvas, materials, random);
        for (int c = 0; c < clusters; c++) {
            boolean street = type == Type.URBAN && !roads.isEmpty() && random.nextBoolean();
            int count = switch (type) {
                case URBAN -> 1 + random.nextInt(4);
                case SUBURBAN -> 2 + random.nextInt(5);
                case RURAL -> 3 + random.nextInt(10);
            };
            List<Trees.Crown> crowns = street ? painter.alongRoad(roads.get(random.nextInt(roads.size())), count)
                    : painter.cluster(count, type == Type.URBAN ? 6 : type == Type.SUBURBAN ? 9 : 11, type == Type.RURAL);
            crowns.forEach(t -> casters.add(new Caster(t.shape(), t.height())));
        }
    }

    static int bit(int classId) {
        return 1 << classId;
    }
}
