package io.ovrsis.plugins.rscma;

import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.TensorModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of RS-CMA under the authors' names: {@code conv1}, {@code conv2}, {@code fusion_corr}
 * and one {@code <source>_down_sample} per extra cost. All keep PyTorch's default init (method.md §3.3).
 */
final class RsCmaModule extends TensorModule {
    final Conv2d conv1;
    /** Embeds the extra cost ({@code simple_separate} only), else null. */
    final Conv2d conv2;
    /** Fuses the two sigmoid embeddings ({@code simple_separate} only), else null. */
    final Conv2d fusionCorr;
    /** Projection of each extra source's map into text space, by source name. */
    final Map<String, Conv2d> downSamples = new LinkedHashMap<>();

    /**
     * @param mainChannels cost channels of the main cost: directions × templates
     * @param templates P
     * @param textDim D of the text embeddings
     */
    RsCmaModule(int mainChannels, int templates, int textDim, List<ExtraCost> extras, CostFusionType fusion,
                int hidden, int kernel) {
        int pad = kernel / 2;
        int extraChannels = extras.size() * templates;
        int conv1In;
        if (extras.isEmpty() || fusion == CostFusionType.SIMPLE_SEPARATE) {
            conv1In = mainChannels;
        } else if (fusion == CostFusionType.SIMPLE_CONCATENATION) {
            conv1In = mainChannels + extraChannels;
        } else {
            conv1In = 1;
        }
        conv1 = child("conv1", new Conv2d(conv1In, hidden, kernel, 1, pad, 1, true));
        if (!extras.isEmpty() && fusion == CostFusionType.SIMPLE_SEPARATE) {
            conv2 = child("conv2", new Conv2d(extraChannels, hidden, kernel, 1, pad, 1, true));
            fusionCorr = child("fusion_corr", new Conv2d(2 * hidden, hidden, kernel, 1, pad, 1, true));
        } else {
            conv2 = null;
            fusionCorr = null;
        }
        for (ExtraCost e : extras) {
            downSamples.put(e.source(), child(e.moduleName(),
                    new Conv2d(e.channels(), textDim, e.factor(), e.factor(), 0, 1, true)));
        }
    }
}
