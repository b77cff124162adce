package io.ovrsis.plugins.ovrsisbench.synthetic;

import java.util.Random;

/**
 * Textured materials of one scene. Every material draws its own noise offsets and colour variation
 * from the scene's random stream, so two lawns or two roofs never look identical.
 */
final class Materials {
    private static final double[][] ROOFS = {
        {176, 86, 62}, {70, 72, 78}, {178, 178, 172}, {122, 96, 78}, {212, 210, 204}, {96, 110, 124}, {150, 70, 55}};
    private static final double[][] CARS = {
        {222, 222, 220}, {28, 28, 32}, {170, 30, 32}, {40, 62, 140}, {160, 162, 166}, {98, 98, 104}, {222, 222, 220}, {30, 30, 34}};

    private final ValueNoise noise;
    private final Random random;
    private final double sunX;
    private final double sunY;

    /** @param sunX, sunY unit vector pointing from objects towards the sun (shadows fall the other way) */
    Materials(ValueNoise noise, Random random, double sunX, double sunY) {
        this.noise = noise;
        this.random = random;
        this.sunX = sunX;
        this.sunY = sunY;
    }

    Material grass() {
        return textured(vary(88, 128, 58, 0.10), 0.06, 0.30, 0.9, 0.12, stripes(0.0));
    }

    /** Agricultural low vegetation: greener or yellower, with cultivation stripes. */
    Material crop() {
        double[] base = random.nextBoolean() ? vary(118, 142, 70, 0.08) : vary(165, 158, 96, 0.08);
        return textured(base, 0.04, 0.22, 0.9, 0.08, stripes(0.10));
    }

    Material soil() {
        double[] base = switch (random.nextInt(3)) {
            case 0 -> vary(150, 118, 88, 0.06);
            case 1 -> vary(122, 96, 74, 0.06);
            default -> vary(178, 150, 118, 0.06);
        };
        return textured(base, 0.05, 0.32, 0.8, 0.14, stripes(random.nextBoolean() ? 0.09 : 0.0));
    }

    Material pavement() {
        return textured(vary(150, 148, 142, 0.08), 0.03, 0.16, 1.1, 0.07, stripes(0.0));
    }

    Material asphalt() {
        return textured(vary(80, 82, 86, 0.06), 0.05, 0.12, 1.3, 0.10, stripes(0.0));
    }

    Material laneMark() {
        return flat(new double[] {226, 226, 216}, 0.05);
    }

    Material water() {
        double[] base = random.nextBoolean() ? vary(36, 64, 80, 0.10) : vary(50, 80, 70, 0.10);
        return textured(base, 0.02, 0.10, 0.4, 0.03, stripes(0.0));
    }

    /** A random roof colour of this scene. */
    double[] roofColour() {
        double[] c = ROOFS[random.nextInt(ROOFS.length)];
        return vary(c[0], c[1], c[2], 0.06);
    }

    /** A roof face; {@code brightness} shades faces turned away from the sun. */
    Material roof(double[] colour, double brightness) {
        double[] c = {colour[0] * brightness, colour[1] * brightness, colour[2] * brightness};
        return textured(c, 0.02, 0.06, 0.7, 0.05, stripes(0.0));
    }

    /** A clumpy tree crown, darker at the rim and brighter on the sun side. */
    Material crown(double cx, double cy, double r) {
        double[] base = vary(48, 84, 42, 0.14);
        double ox = random.nextDouble() * 1000;
        double oy = random.nextDouble() * 1000;
        double freq = 0.35 + 0.25 * random.nextDouble();
        return (x, y, rgb) -> {
            double dx = (x - cx) / r;
            double dy = (y - cy) / r;
            double rim = 1 - 0.35 * Math.min(1, dx * dx + dy * dy);
            double lit = 1 + 0.22 * (dx * sunX + dy * sunY);
            double clumps = 0.62 + 0.76 * noise.fbm(x * freq + ox, y * freq + oy, 2);
            double f = rim * lit * clumps;
            rgb[0] = (float) (base[0] * f);
            rgb[1] = (float) (base[1] * f);
            rgb[2] = (float) (base[2] * f);
        };
    }

    Material carBody() {
        double[] c = CARS[random.nextInt(CARS.length)];
        return flat(vary(c[0], c[1], c[2], 0.05), 0.03);
    }

    Material glass() {
        return flat(vary(36, 42, 52, 0.1), 0.04);
    }

    /** The random fields of a textured material: coarse variation, fine grain, optional stripes. */
    private Material textured(double[] base, double grain, double coarse, double grainFrequency, double coarseFrequency,
                              double[] stripes) {
        double ox = random.nextDouble() * 1000;
        double oy = random.nextDouble() * 1000;
        return (x, y, rgb) -> {
            double f = 1 + coarse * (2 * noise.fbm(x * coarseFrequency + ox, y * coarseFrequency + oy, 3) - 1)
                    + grain * (2 * noise.at(x * grainFrequency - ox, y * grainFrequency - oy) - 1);
            if (stripes[0] > 0) {
                f += stripes[0] * StrictMath.sin((x * stripes[1] + y * stripes[2]) * stripes[3]);
            }
            rgb[0] = (float) (base[0] * f);
            rgb[1] = (float) (base[1] * f);
            rgb[2] = (float) (base[2] * f);
        };
    }

    private Material flat(double[] base, double grain) {
        double ox = random.nextDouble() * 1000;
        return (x, y, rgb) -> {
            double f = 1 + grain * (2 * noise.at(x * 1.3 + ox, y * 1.3 - ox) - 1);
            rgb[0] = (float) (base[0] * f);
            rgb[1] = (float) (base[1] * f);
            rgb[2] = (float) (base[2] * f);
        };
    }

    /** {amplitude, direction x, direction y, angular frequency}; amplitude 0 means none. */
    private double[] stripes(double amplitude) {
        double angle = random.nextDouble() * Math.PI;
        double period = 2.5 + 2.5 * random.nextDouble();
        return new double[] {amplitude, StrictMath.cos(angle), StrictMath.sin(angle), 2 * Math.PI / period};
    }

    private double[] vary(double r, double g, double b, double amount) {
        double all = 1 + amount * (2 * random.nextDouble() - 1);
        return new double[] {
            r * all * (1 + 0.3 * amount * (2 * random.nextDouble() - 1)),
            g * all * (1 + 0.3 * amount * (2 * random.nextDouble() - 1)),
            b * all * (1 + 0.3 * amount * (2 * random.nextDouble() - 1))};
    }
}
