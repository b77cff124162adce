package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.TensorModule;

/** One RS-Fusion layer ({@code layers.{i}}): the spatial block, then the class block. */
final class FusionLayer extends TensorModule {
    final SpatialFusionBlock spatial;
    final ClassFusionBlock classes;

    FusionLayer(RsFusionHeadConfig c) {
        spatial = child("spatial_fusion", new SpatialFusionBlock(c.hidden(), c.guidanceDim(), c.heads(),
                c.spatialReduction(), c.mlpRatio()));
        classes = child("class_fusion", new ClassFusionBlock(c.hidden(), c.textGuidanceDim(), c.heads(),
                c.classPool(), c.mlpRatio()));
    }

    /**
     * @param x (B, T, N, C) tokens
     * @param guidanceTokens projected appearance guidance (B, N, G)
     * @param textGuidance projected class guidance (T, G_t)
     */
    NDArray forward(NDArray x, NDArray guidanceTokens, NDArray textGuidance, int h, int w) {
        NDArray y = spatial.forward(x, spatial.prepare(guidanceTokens, h, w), h, w);
        return classes.forward(y, classes.prepare(textGuidance), h, w);
    }
}
