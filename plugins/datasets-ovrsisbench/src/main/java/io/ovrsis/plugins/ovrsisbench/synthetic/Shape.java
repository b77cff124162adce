package io.ovrsis.plugins.ovrsisbench.synthetic;

/** A region of the image plane, in image-pixel units (x right, y down). */
interface Shape {

    boolean contains(double x, double y);

    /** {minX, minY, maxX, maxY}; every contained point lies inside. */
    double[] bounds();
}
