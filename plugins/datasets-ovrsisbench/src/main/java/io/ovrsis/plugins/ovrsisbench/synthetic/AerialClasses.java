package io.ovrsis.plugins.ovrsisbench.synthetic;

import java.util.List;

/** The eight classes of {@code synthetic-aerial}, in label-index order, and a display palette. */
public final class AerialClasses {
    public static final int BUILDING = 0;
    public static final int ROAD = 1;
    public static final int TREE = 2;
    public static final int LOW_VEGETATION = 3;
    public static final int WATER = 4;
    public static final int CAR = 5;
    public static final int BARE_SOIL = 6;
    public static final int IMPERVIOUS = 7;
    public static final int IGNORE = 255;

    /** Class names, index order; written verbatim to {@code classes.json}. */
    public static final List<String> NAMES = List.of(
            "building", "road", "tree", "low vegetation", "water", "car", "bare soil", "impervious surface");

    /** Display colours (RGB) per class; the ignore value is drawn black. */
    private static final int[][] PALETTE = {
        {220, 40, 40}, {128, 64, 128}, {0, 110, 0}, {150, 225, 90},
        {30, 90, 220}, {255, 210, 0}, {160, 110, 60}, {195, 195, 195}};

    private AerialClasses() {
    }

    /** Display colour of a label value as {r, g, b}. */
    public static int[] colour(int label) {
        return label >= 0 && label < PALETTE.length ? PALETTE[label].clone() : new int[] {0, 0, 0};
    }
}
