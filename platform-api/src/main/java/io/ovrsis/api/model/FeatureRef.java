package io.ovrsis.api.model;

/**
 * A feature map of a named encoder that a component needs.
 *
 * @param source {@code imageEncoder} or an {@code auxEncoders} name
 * @param feature a map name of that encoder's {@link FeatureSpec}
 */
public record FeatureRef(String source, String feature) {
    public static final String MAIN = "imageEncoder";

    @Override
    public String toString() {
        return source + "." + feature;
    }
}
