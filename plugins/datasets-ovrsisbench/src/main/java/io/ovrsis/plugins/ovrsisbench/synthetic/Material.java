package io.ovrsis.plugins.ovrsisbench.synthetic;

/** The surface colour of one painted object, as a function of position (texture). */
interface Material {

    /** Writes the linear-ish RGB colour (0..255 scale, unclamped) at image point (x, y) into {@code rgb}. */
    void colour(double x, double y, float[] rgb);
}
