package io.ovrsis.plugins.rstransfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.List;

/**
 * RS-Transfer (method.md §4): (B, C, T, h, w) cost → per-class logits (B, T, h·2^s, w·2^s). Guidance
 * is projected once per image and shared by the T classes of that image.
 */
public final class RsTransferDecoder implements Decoder {
    private final RsTransferDecoderConfig config;
    private final RsTransferModule module;
    private final List<FeatureRef> required;

    RsTransferDecoder(RsTransferDecoderConfig config, List<RsTransferModule.SourceLayout> layout) {
        this.config = config;
        this.module = new RsTransferModule(config, layout);
        List<FeatureRef> refs = new ArrayList<>();
        for (RsTransferModule.SourceLayout s : layout) {
            s.taps().forEach(t -> refs.add(new FeatureRef(s.source(), t)));
        }
        this.required = List.copyOf(refs);
    }

    @Override
    public TensorModule module() {
        return module;
    }

    @Override
    public List<FeatureRef> requiredFeatures() {
        return required;
    }

    @Override
    public int upsampling() {
        return 1 << config.stages();
    }

    @Override
    public NDArray decode(CostVolume cost, Guidance guidance, boolean training) {
        NDArray volume = cost.volume();
        Shape s = volume.getShape();
        if (s.dimension() != 5 || s.get(1) != config.hidden()) {
            throw new IllegalArgumentException("rstransfer expects a cost volume (B, " + config.hidden()
                    + ", T, h, w), got " + s + "; model.decoder.hidden must equal the fusion head's hidden");
        }
        long b = s.get(0);
        long t = s.get(2);
        NDArray x = volume.transpose(0, 2, 1, 3, 4).reshape(b * t, s.get(1), s.get(3), s.get(4));
        for (int i = 0; i < module.stages.size(); i++) {
            x = module.stages.get(i).forward(x, stageGuidance(guidance, i, s.get(3) << (i + 1), s.get(4) << (i + 1)), b);
        }
        NDArray logits = module.head.forward(x);
        Shape ls = logits.getShape();
        return logits.reshape(b, t, ls.get(2), ls.get(3));
    }

    /** Every source's projected guidance of stage i, concatenated: (B, sources·projDim, H, W), or null. */
    private NDArray stageGuidance(Guidance guidance, int stage, long h, long w) {
        if (module.branches.isEmpty()) {
            return null;
        }
        NDList parts = new NDList(module.branches.size());
        for (GuidanceBranch branch : module.branches) {
            NDArray g = branch.project(guidance.source(branch.source()), stage);
            if (g.getShape().get(2) != h || g.getShape().get(3) != w) {
                throw new IllegalArgumentException("decoder guidance of " + branch.source() + "."
                        + branch.stages().get(stage).tap() + " reaches grid " + g.getShape().get(2) + "x"
                        + g.getShape().get(3) + " at stage " + (stage + 1) + ", which needs " + h + "x" + w);
            }
            parts.add(g);
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }
}
