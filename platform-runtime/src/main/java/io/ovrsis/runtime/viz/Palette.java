package io.ovrsis.runtime.viz;

/** Class colours: a fixed list of distinct colours, then seeded pseudo-random ones. */
public final class Palette {
    private static final int[] BASE = {
        0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6,
        0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF, 0x9A6324, 0xFFFAC8, 0x800000, 0xAAFFC3,
        0x808000, 0xFFD8B1, 0x000075, 0x808080,
    };

    private Palette() {
    }

    /** RGB of class {@code index} as 0xRRGGBB. */
    public static int color(int index) {
        if (index < BASE.length) {
            return BASE[index];
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(index * 7919L);
        return r.nextInt(0x1000000);
    }
}
