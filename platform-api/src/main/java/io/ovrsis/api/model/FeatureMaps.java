package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** The feature maps of one encoder pass, each (B, C, h, w), by the names of its {@link FeatureSpec}. */
public record FeatureMaps(Map<String, NDArray> maps) {
    public FeatureMaps {
        maps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maps));
    }

    public NDArray get(String name) {
        NDArray a = maps.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no feature map \"" + name + "\"; have " + maps.keySet());
        }
        return a;
    }
}
