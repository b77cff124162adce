package io.ovrsis.plugins.ovrsisbench.synthetic;

/**
 * One generated scene.
 *
 * @param size height and width in pixels
 * @param rgb interleaved RGB, row major
 * @param labels class index per pixel (255 on mixed boundary pixels)
 */
public record AerialScene(int size, byte[] rgb, int[] labels) {
}
