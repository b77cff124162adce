package io.ovrsis.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's slots ({@code model}).
 *
 * @param imageEncoder the main image encoder; required
 * @param textEncoder the text encoder; required
 * @param auxEncoders extra image encoders by name, in YAML order; empty by default
 * @param aggregator the cost aggregator; {@code null} when absent
 * @param fusion the fusion head; {@code null} when absent
 * @param decoder the decoder; {@code null} when absent
 */
public record ModelSpec(
        BoundComponent imageEncoder,
        BoundComponent textEncoder,
        Map<String, BoundComponent> auxEncoders,
        BoundComponent aggregator,
        BoundComponent fusion,
        BoundComponent decoder) {

    public ModelSpec {
        auxEncoders = Collections.unmodifiableMap(new LinkedHashMap<>(auxEncoders));
    }
}
