package io.ovrsis.api.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The feature maps an image encoder declares, by name ({@code dense}, {@code block3}, ...), and its
 * input size. Compositions are checked against specs before any weight is loaded.
 *
 * @param inputSize square input side in pixels the encoder runs at
 * @param maps name to channels/stride, in declaration order
 */
public record FeatureSpec(int inputSize, Map<String, FeatureInfo> maps) {
    public FeatureSpec {
        maps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maps));
    }

    /** Grid side of a map: input size / stride. */
    public int gridSize(String name) {
        return inputSize / maps.get(name).stride();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {
        private int inputSize = -1;
        private final Map<String, FeatureInfo> maps = new LinkedHashMap<>();

        public Builder setInputSize(int size) {
            this.inputSize = size;
            return this;
        }

        public Builder addMap(String name, int channels, int stride) {
            maps.put(name, new FeatureInfo(channels, stride));
            return this;
        }

        public FeatureSpec build() {
            if (inputSize <= 0) {
                throw new IllegalStateException("FeatureSpec: inputSize was not set");
            }
            if (maps.isEmpty()) {
                throw new IllegalStateException("FeatureSpec: no feature map was added");
            }
            return new FeatureSpec(inputSize, maps);
        }
    }
}
