package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;

import java.util.List;
import java.util.Map;

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

    /**
     * The raw image–text cost maps before embedding, for pictures and debugging (method.md §10):
     * one (B, T, h, w) cosine map per named source, e.g. {@code rot0}, {@code rot90}, ... for the
     * main encoder's views rotated back, and the auxiliary encoder names for extra costs. With
     * several prompt templates the maps average over them. Computes nothing that {@link #aggregate}
     * needs; the default exposes none.
     */
    default Map<String, NDArray> costMaps(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text) {
        return Map.of();
    }
}
