package io.ovrsis.plugins.ovrsisbench.synthetic;

import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.CAR;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.IMPERVIOUS;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.ROAD;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.ALL;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.bit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cars (about 4.5 × 2 m) with windscreen and rear window, in road lanes or parking rows. */
final class Cars {
    private final SceneCanvas canvas;
    private final Materials materials;
    private final Random random;

    Cars(SceneCanvas canvas, Materials materials, Random random) {
        this.canvas = canvas;
        this.materials = materials;
        this.random = random;
    }

    /** Cars in both lanes of a road, {@code perLane} per 24 px of lane on average; returns their bodies. */
    List<Shape> alongRoad(AerialSceneGenerator.Road road, double perLane) {
        List<Shape> placed = new ArrayList<>();
        double gap = 24 / perLane;
        double[] pt = new double[4];
        int size = canvas.size();
        for (int lane = -1; lane <= 1; lane += 2) {
            double s = random.nextDouble() * gap;
            while (s < road.line().length()) {
                road.line().pointAt(s, pt);
                double offset = lane * road.halfWidth() * 0.5;
                double cx = pt[0] - pt[3] * offset;
                double cy = pt[1] + pt[2] * offset;
                double angle = StrictMath.atan2(pt[3], pt[2]) + (lane < 0 ? Math.PI : 0);
                if (cx > -4 && cx < size + 4 && cy > -4 && cy < size + 4) {
                    Shape body = place(cx, cy, angle, bit(ROAD));
                    if (body != null) {
                        placed.add(body);
                    }
                }
                s += gap * (0.3 + 1.4 * random.nextDouble());
            }
        }
        return placed;
    }

    /** One or two rows of parked cars with painted slot lines on a paved area, if one is found. */
    List<Shape> parkingRows(double angle) {
        List<Shape> placed = new ArrayList<>();
        int size = canvas.size();
        double ax = -1;
        double ay = -1;
        for (int attempt = 0; attempt < 40 && ax < 0; attempt++) {
            double x = (0.1 + 0.8 * random.nextDouble()) * size;
            double y = (0.1 + 0.8 * random.nextDouble()) * size;
            if (canvas.classAt(x, y) == IMPERVIOUS) {
                ax = x;
                ay = y;
            }
        }
        if (ax < 0) {
            return placed;
        }
        double ux = StrictMath.cos(angle);
        double uy = StrictMath.sin(angle);
        int rows = 1 + random.nextInt(2);
        int slots = 4 + random.nextInt(6);
        double spacing = 5.2;
        int lines = canvas.addObject(materials.laneMark(), 0);
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < slots; k++) {
                double sx = ax + ux * k * spacing - uy * row * 11;
                double sy = ay + uy * k * spacing + ux * row * 11;
                Shape line = Shapes.rotatedRect(sx - ux * spacing / 2, sy - uy * spacing / 2, 9, 0.45, angle + Math.PI / 2);
                canvas.paint(line, IMPERVIOUS, lines, bit(IMPERVIOUS));
                if (random.nextDouble() < 0.72) {
                    double heading = angle + Math.PI / 2 + (random.nextBoolean() ? 0 : Math.PI);
                    Shape body = place(sx, sy, heading, bit(IMPERVIOUS));
                    if (body != null) {
                        placed.add(body);
                    }
                }
            }
        }
        return placed;
    }

    /** Paints a car if its body lies on {@code allowed} classes with room around it; returns the body or null. */
    private Shape place(double cx, double cy, double angle, int allowed) {
        double len = 8 + 2 * random.nextDouble();
        double wid = 3.6 + 0.8 * random.nextDouble();
        Shape body = Shapes.rotatedRect(cx, cy, len, wid, angle);
        Shape clearance = Shapes.rotatedRect(cx, cy, len + 2, wid + 1.2, angle);
        if (canvas.count(body, ALL & ~allowed) > 0 || canvas.count(clearance, bit(CAR)) > 0) {
            return null;
        }
        canvas.paint(body, CAR, canvas.addObject(materials.carBody(), 1.5), allowed);
        int glass = canvas.addObject(materials.glass(), 1.5);
        double ux = StrictMath.cos(angle);
        double uy = StrictMath.sin(angle);
        canvas.paint(Shapes.rotatedRect(cx + ux * 0.17 * len, cy + uy * 0.17 * len, 0.2 * len, 0.84 * wid, angle),
                CAR, glass, bit(CAR));
        canvas.paint(Shapes.rotatedRect(cx - ux * 0.3 * len, cy - uy * 0.3 * len, 0.12 * len, 0.8 * wid, angle),
                CAR, glass, bit(CAR));
        return body;
    }
}
