package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.TensorModule;

/** One CAT-Seg aggregator layer ({@code layers.{i}}): the Swin pair, then class aggregation. */
final class AggregatorLayer extends TensorModule {
    final SwinBlockPair swin;
    final ClassAggregation classes;

    AggregatorLayer(CatSegHeadConfig c) {
        swin = child("swin_block", new SwinBlockPair(c.hidden(), c.guidanceDim(), c.heads(), c.windowSize()));
        classes = child("attention", new ClassAggregation(c.hidden(), c.textGuidanceDim(), c.heads(), c.padLength(),
                c.attentionType()));
    }

    /**
     * @param x tokens (B, T, h, w, C)
     * @param guidance projected appearance guidance (B, h, w, G)
     * @param textGuidance projected class guidance (T, G_t)
     * @param pool class-aggregation pooling window
     */
    NDArray forward(NDArray x, NDArray guidance, NDArray textGuidance, int pool) {
        return classes.forward(swin.forward(x, guidance), textGuidance, pool);
    }
}
