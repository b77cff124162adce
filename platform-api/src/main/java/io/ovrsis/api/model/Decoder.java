package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Upsamples the cost volume to per-class logits (RS-Transfer). */
public interface Decoder extends ModelComponent {

    List<FeatureRef> requiredFeatures();

    /** Logit map side / cost grid side (4 for RS-Transfer: 24 → 96). */
    int upsampling();

    /** @return logits (B, T, h·up, w·up), before any sigmoid */
    NDArray decode(CostVolume cost, Guidance guidance, boolean training);
}
