package io.ovrsis.plugins.catseg;

import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of CAT-Seg's aggregator under the authors' names, all with PyTorch's default init:
 * {@code guidance_projection.0} (Conv3x3 + ReLU), {@code text_guidance_projection.0} (Linear + ReLU) and
 * {@code layers.{i}.swin_block.*}, {@code layers.{i}.attention.*}.
 */
final class CatSegModule extends TensorModule {
    final Conv2d guidanceProjection;
    final Dense textGuidanceProjection;
    final List<AggregatorLayer> layers = new ArrayList<>();

    CatSegModule(CatSegHeadConfig c, int guidanceChannels, int textDim) {
        guidanceProjection = child("guidance_projection", new Container())
                .add("0", new Conv2d(guidanceChannels, c.guidanceDim(), 3, 1, 1, 1, true));
        textGuidanceProjection = child("text_guidance_projection", new Container())
                .add("0", new Dense(textDim, c.textGuidanceDim()));
        Container list = child("layers", new Container());
        for (int i = 0; i < c.layers(); i++) {
            layers.add(list.add(Integer.toString(i), new AggregatorLayer(c)));
        }
    }
}
