package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;

/** An embedded cost volume (B, C, T, h, w): C channels per class T and grid cell. */
public record CostVolume(NDArray volume) {
    public long channels() {
        return volume.getShape().get(1);
    }
}
