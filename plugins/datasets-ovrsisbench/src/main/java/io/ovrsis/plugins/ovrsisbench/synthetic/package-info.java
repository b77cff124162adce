/**
 * The procedural aerial-scene painter behind {@code synthetic-aerial}: ground cells, water,
 * roads with lane marks, buildings with roofs and cast shadows, cars, tree crowns, painted on a 2×
 * super-sampled canvas and reduced to an RGB image and a label map. Deterministic for a seed
 * (java.util.Random, StrictMath, no threads).
 */
package io.ovrsis.plugins.ovrsisbench.synthetic;
