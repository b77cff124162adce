package io.ovrsis.api.model;

import java.util.List;

/** Refines the cost volume with spatial and class attention (RS-Fusion, CAT-Seg's aggregator). */
public interface FusionHead extends ModelComponent {

    List<FeatureRef> requiredFeatures();

    /** @return (B, C, T, h, w), same shape as the input */
    CostVolume fuse(CostVolume cost, Guidance guidance, TextEmbeddings text, boolean training);
}
