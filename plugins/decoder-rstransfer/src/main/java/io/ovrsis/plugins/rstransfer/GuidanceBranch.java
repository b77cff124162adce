package io.ovrsis.plugins.rstransfer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.ConvTranspose2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The decoder guidance of one encoder: per stage, its tapped map is brought to the stage grid (a
 * 1×1 convolution or a k=s transposed convolution, authors' {@code upsample*} / {@code dino_decod_proj*})
 * and projected by Conv3x3 + ReLU ({@code *_decoder_guidance_projection.{i}.0}). The modules are
 * registered on the decoder's root module under their configured names.
 */
final class GuidanceBranch {
    /** How one stage's tap reaches the stage grid. */
    record Stage(String tap, int factor, UnaryOperator<NDArray> toGrid, Conv2d projection) {
    }

    private final String source;
    private final List<Stage> stages;

    private GuidanceBranch(String source, List<Stage> stages) {
        this.source = source;
        this.stages = List.copyOf(stages);
    }

    /**
     * Declares the modules of one source on {@code root}.
     *
     * @param tapChannels channels of each stage's tap
     * @param factors stage grid / tap grid, per stage
     */
    static GuidanceBranch declare(ModuleRegistry root, String source, List<String> taps, List<Integer> tapChannels,
                                  List<Integer> factors, RsTransferDecoderConfig c) {
        GuidanceModuleNames names = c.namesOf(source);
        List<UnaryOperator<NDArray>> toGrid = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            int in = tapChannels.get(i);
            int out = c.guidanceDims().get(i);
            int f = factors.get(i);
            String name = names.tapProjections().get(i);
            if (f == 1) {
                toGrid.add(root.add(name, new Conv2d(in, out, 1, 1, 0, 1, true))::forward);
            } else {
                toGrid.add(root.add(name, new ConvTranspose2d(in, out, f, true))::forward);
            }
        }
        Container projections = root.add(names.guidanceProjection(), new Container());
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            Conv2d projection = projections.add(Integer.toString(i), new Container())
                    .add("0", new Conv2d(c.guidanceDims().get(i), c.projDims().get(i), 3, 1, 1, 1, true));
            stages.add(new Stage(taps.get(i), factors.get(i), toGrid.get(i), projection));
        }
        return new GuidanceBranch(source, stages);
    }

    String source() {
        return source;
    }

    List<Stage> stages() {
        return stages;
    }

    /** ReLU(Conv3x3(toGrid(tap))) of stage i: (B, projDim_i, H_i, W_i). */
    NDArray project(FeatureMaps maps, int stage) {
        Stage s = stages.get(stage);
        return Activation.relu(s.projection().forward(s.toGrid().apply(maps.get(s.tap()))));
    }
}
