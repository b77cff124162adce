package io.ovrsis.runtime.features;

/**
 * One output array copied to Java memory.
 *
 * @param name file stem ({@code dense}, {@code block3}, {@code text})
 * @param shape dimensions, C order
 * @param values float32 values
 */
public record FeatureArray(String name, long[] shape, float[] values) {
    /** "512×24×24". */
    public String shapeText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return b.toString();
    }
}
