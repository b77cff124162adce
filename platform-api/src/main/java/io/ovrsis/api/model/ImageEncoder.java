package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;

/**
 * An image tower (CLIP, RemoteCLIP, DINO). Declares its feature maps and preprocessing so that
 * compositions can be checked before any weight is loaded.
 */
public interface ImageEncoder extends ModelComponent {

    FeatureSpec featureSpec();

    PreprocessSpec preprocess();

    /**
     * Encodes a batch already normalised and resized to {@code preprocess().inputSize()}.
     *
     * @param images (B, 3, S, S)
     * @param training whether autograd may record (frozen encoders ignore it)
     * @return every map of {@link #featureSpec()}, each (B, C, h, w)
     */
    FeatureMaps encode(NDArray images, boolean training);

    /** True when no parameter is trainable: the runtime then runs it without autograd. */
    default boolean frozen() {
        return module().trainableParameterCount() == 0;
    }
}
