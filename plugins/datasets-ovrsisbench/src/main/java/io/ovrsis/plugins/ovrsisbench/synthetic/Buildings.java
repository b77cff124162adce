package io.ovrsis.plugins.ovrsisbench.synthetic;

import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.BUILDING;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.CAR;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.ROAD;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.WATER;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.ALL;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.bit;

import java.util.List;
import java.util.Random;

/**
 * Buildings: rectangular or L-shaped footprints, mostly set back along a road and parallel to it;
 * gabled roofs (two faces, the one turned from the sun darker) or flat roofs with a darker parapet
 * and a few roof fixtures.
 */
final class Buildings {
    enum Style { URBAN, SUBURBAN, RURAL }

    /** A painted building: its footprint (for the shadow) and height in metres. */
    record Placed(Shape footprint, double height) {
    }

    private final SceneCanvas canvas;
    private final Materials materials;
    private final Random random;
    private final double sunX;
    private final double sunY;

    Buildings(SceneCanvas canvas, Materials materials, Random random, double sunX, double sunY) {
        this.canvas = canvas;
        this.materials = materials;
        this.random = random;
        this.sunX = sunX;
        this.sunY = sunY;
    }

    /** Tries up to 30 placements; null if none fits (no overlap with roads, water, buildings, cars). */
    Placed place(Style style, List<AerialSceneGenerator.Road> roads, double mainAngle) {
        int size = canvas.size();
        double[] pt = new double[4];
        for (int attempt = 0; attempt < 30; attempt++) {
            double len = switch (style) {
                case URBAN -> 18 + 18 * random.nextDouble();
                case SUBURBAN -> 12 + 8 * random.nextDouble();
                case RURAL -> 10 + 8 * random.nextDouble();
            };
            double wid = Math.min(len, switch (style) {
                case URBAN -> 14 + 12 * random.nextDouble();
                case SUBURBAN -> 9 + 5 * random.nextDouble();
                case RURAL -> 8 + 4 * random.nextDouble();
            });
            double cx;
            double cy;
            double angle;
            if (!roads.isEmpty() && random.nextDouble() < 0.8) {
                AerialSceneGenerator.Road road = roads.get(random.nextInt(roads.size()));
                road.line().pointAt(random.nextDouble() * road.line().length(), pt);
                double side = random.nextBoolean() ? 1 : -1;
                double dist = road.halfWidth() + 2.2 + 2 + 6 * random.nextDouble() + wid / 2;
                cx = pt[0] - pt[3] * side * dist;
                cy = pt[1] + pt[2] * side * dist;
                angle = StrictMath.atan2(pt[3], pt[2]) + 0.03 * random.nextGaussian();
            } else {
                cx = random.nextDouble() * size;
                cy = random.nextDouble() * size;
                angle = style == Style.RURAL ? random.nextDouble() * Math.PI
                        : mainAngle + (random.nextBoolean() ? 0 : Math.PI / 2) + 0.05 * random.nextGaussian();
            }
            if (cx < 0 || cy < 0 || cx > size || cy > size) {
                continue;
            }
            double ux = StrictMath.cos(angle);
            double uy = StrictMath.sin(angle);
            Shape footprint = Shapes.rotatedRect(cx, cy, len, wid, angle);
            Shape clearance = Shapes.rotatedRect(cx, cy, len + 3, wid + 3, angle);
            boolean lShape = style != Style.RURAL && random.nextDouble() < 0.2;
            if (lShape) {
                double l2 = 0.45 * len;
                double w2 = 0.7 * wid;
                double along = (random.nextBoolean() ? 1 : -1) * (len / 2 - l2 / 2);
                double acrossD = wid / 2 + w2 / 2 - 0.5;
                double wx = cx + ux * along - uy * acrossD;
                double wy = cy + uy * along + ux * acrossD;
                footprint = Shapes.union(footprint, Shapes.rotatedRect(wx, wy, l2, w2, angle));
                clearance = Shapes.union(clearance, Shapes.rotatedRect(wx, wy, l2 + 3, w2 + 3, angle));
            }
            if (canvas.count(clearance, bit(ROAD) | bit(WATER) | bit(BUILDING) | bit(CAR)) > 0) {
                continue;
            }
            double height = switch (style) {
                case URBAN -> 8 + 16 * random.nextDouble();
                case SUBURBAN -> 5 + 4 * random.nextDouble();
                case RURAL -> 4 + 4 * random.nextDouble();
            };
            double[] colour = materials.roofColour();
            double gableChance = style == Style.URBAN ? 0.35 : style == Style.SUBURBAN ? 0.75 : 0.6;
            if (!lShape && random.nextDouble() < gableChance) {
                paintGabled(cx, cy, len, wid, angle, colour, height);
            } else if (lShape) {
                canvas.paint(footprint, BUILDING, canvas.addObject(materials.roof(colour, 1.0), height), ALL);
            } else {
                paintFlat(cx, cy, len, wid, angle, colour, height, footprint);
            }
            return new Placed(footprint, height);
        }
        return null;
    }

    private void paintGabled(double cx, double cy, double len, double wid, double angle, double[] colour, double height) {
        double nx = -StrictMath.sin(angle);
        double ny = StrictMath.cos(angle);
        double facing = nx * sunX + ny * sunY;
        for (int side = -1; side <= 1; side += 2) {
            double brightness = side * facing > 0 ? 1.0 : 0.72;
            Shape face = Shapes.rotatedRect(cx + nx * side * wid / 4, cy + ny * side * wid / 4, len, wid / 2, angle);
            canvas.paint(face, BUILDING, canvas.addObject(materials.roof(colour, brightness), height), ALL);
        }
    }

    private void paintFlat(double cx, double cy, double len, double wid, double angle, double[] colour, double height,
                           Shape footprint) {
        canvas.paint(footprint, BUILDING, canvas.addObject(materials.roof(colour, 0.8), height), ALL);
        canvas.paint(Shapes.rotatedRect(cx, cy, len - 2.4, wid - 2.4, angle), BUILDING,
                canvas.addObject(materials.roof(colour, 1.0), height), bit(BUILDING));
        double ux = StrictMath.cos(angle);
        double uy = StrictMath.sin(angle);
        int fixtures = random.nextInt(4);
        for (int k = 0; k < fixtures; k++) {
            double a = (random.nextDouble() - 0.5) * Math.max(0, len - 6);
            double b = (random.nextDouble() - 0.5) * Math.max(0, wid - 6);
            double side = 1.5 + 1.5 * random.nextDouble();
            double shade = random.nextBoolean() ? 1.25 : 0.7;
            canvas.paint(Shapes.rotatedRect(cx + ux * a - uy * b, cy + uy * a + ux * b, side, side, angle), BUILDING,
                    canvas.addObject(materials.roof(colour, shade), height), bit(BUILDING));
        }
    }
}
