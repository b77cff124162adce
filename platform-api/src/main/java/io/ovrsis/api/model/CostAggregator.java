package io.ovrsis.api.model;

import java.util.List;

/**
 * Builds and embeds the image–text cost volume (RS-CMA). It declares the views of the main image
 * encoder it needs as quarter turns of the input ({@code rot90(img, k)} over H, W); the runtime runs
 * the encoder on all views as one batch and hands the maps over in the rotated frame.
 */
public interface CostAggregator extends ModelComponent {

    /** Quarter turns k of the input to encode; the first must be 0 (the unrotated view). */
    int[] rotations();

    /** Features of the main and auxiliary encoders it reads. */
    List<FeatureRef> requiredFeatures();

    /** Channels C of the embedded cost volume. */
    int outputChannels();

    /**
     * @param views main-encoder maps per entry of {@link #rotations()}, in the rotated frame
     * @param guidance unrotated main maps and auxiliary encoder maps
     * @param text (T, P, D) text embeddings
     * @return (B, C, T, h, w)
     */
    CostVolume aggregate(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text, boolean training);
}
