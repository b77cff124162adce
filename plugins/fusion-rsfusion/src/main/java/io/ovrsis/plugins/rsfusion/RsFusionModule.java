package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of RS-Fusion under the authors' names: {@code guidance_projection.0} (Conv3x3 + ReLU),
 * {@code text_guidance_projection.0} (Linear + ReLU), both with PyTorch's default init, and
 * {@code layers.{i}.{spatial_fusion,class_fusion}.sa.*} with the init of method.md §3.3.
 */
final class RsFusionModule extends TensorModule {
    final Conv2d guidanceProjection;
    final Dense textGuidanceProjection;
    final List<FusionLayer> layers = new ArrayList<>();

    RsFusionModule(RsFusionHeadConfig c, int guidanceChannels, int textDim) {
        guidanceProjection = child("guidance_projection", new Container())
                .add("0", new Conv2d(guidanceChannels, c.guidanceDim(), 3, 1, 1, 1, true));
        textGuidanceProjection = child("text_guidance_projection", new Container())
                .add("0", Dense.torchDefault(textDim, c.textGuidanceDim()));
        Container list = child("layers", new Container());
        for (int i = 0; i < c.layers(); i++) {
            layers.add(list.add(Integer.toString(i), new FusionLayer(c)));
        }
    }
}
