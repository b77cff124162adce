package io.ovrsis.plugins.ovrsisbench.synthetic;

import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.BUILDING;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.CAR;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.ROAD;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.TREE;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses.WATER;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.ALL;
import static io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator.bit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Tree crowns (blobby textured discs, 3.5–8 px radius) in clusters or as street trees. */
final class Trees {
    /** A painted crown and its height in metres. */
    record Crown(Shape shape, double height) {
    }

    private final SceneCanvas canvas;
    private final Materials materials;
    private final Random random;

    Trees(SceneCanvas canvas, Materials materials, Random random) {
        this.canvas = canvas;
        this.materials = materials;
        this.random = random;
    }

    List<Crown> cluster(int count, double spread, boolean large) {
        List<Crown> crowns = new ArrayList<>();
        double ccx = random.nextDouble() * canvas.size();
        double ccy = random.nextDouble() * canvas.size();
        for (int k = 0; k < count; k++) {
            double r = large ? 4 + 4 * random.nextDouble() : 3.5 + 3.5 * random.nextDouble();
            Crown c = tryPlace(ccx + spread * random.nextGaussian(), ccy + spread * random.nextGaussian(), r);
            if (c != null) {
                crowns.add(c);
            }
        }
        return crowns;
    }

    /** A row of street trees beside one side of a road, about 12 px apart. */
    List<Crown> alongRoad(AerialSceneGenerator.Road road, int count) {
        List<Crown> crowns = new ArrayList<>();
        double[] pt = new double[4];
        int size = canvas.size();
        double s0 = -1;
        for (int attempt = 0; attempt < 20 && s0 < 0; attempt++) {
            double s = random.nextDouble() * road.line().length();
            road.line().pointAt(s, pt);
            if (pt[0] >= 0 && pt[1] >= 0 && pt[0] < size && pt[1] < size) {
                s0 = s;
            }
        }
        if (s0 < 0) {
            return crowns;
        }
        double side = random.nextBoolean() ? 1 : -1;
        double spacing = 10 + 4 * random.nextDouble();
        for (int k = 0; k < count; k++) {
            road.line().pointAt(s0 + k * spacing, pt);
            double offset = side * (road.halfWidth() + 3.2);
            Crown c = tryPlace(pt[0] - pt[3] * offset, pt[1] + pt[2] * offset, 3.5 + 2.5 * random.nextDouble());
            if (c != null) {
                crowns.add(c);
            }
        }
        return crowns;
    }

    private Crown tryPlace(double cx, double cy, double r) {
        int size = canvas.size();
        if (cx < -r || cy < -r || cx > size + r || cy > size + r) {
            return null;
        }
        int under = canvas.classAt(cx, cy);
        if (under == BUILDING || under == WATER || under == ROAD || under == CAR
                || canvas.count(Shapes.rotatedRect(cx, cy, 1.4 * r, 1.4 * r, 0), bit(BUILDING)) > 0) {
            return null;
        }
        double[] amps = {0.04 + 0.08 * random.nextDouble(), 0.03 + 0.06 * random.nextDouble(), 0.02 + 0.05 * random.nextDouble()};
        double[] phases = {random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3};
        Shape crown = Shapes.blob(cx, cy, r, amps, phases);
        double height = 5 + 9 * random.nextDouble();
        canvas.paint(crown, TREE, canvas.addObject(materials.crown(cx, cy, r), height), ALL & ~bit(BUILDING));
        return new Crown(crown, height);
    }
}
