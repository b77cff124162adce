package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of RS-Transfer under the authors' names: per guidance source its tap projections and
 * {@code *_decoder_guidance_projection.{i}.0}; {@code Fusiondecoder{i}.{up, conv.double_conv.{0,1,3,4}}};
 * {@code head}. Every module keeps PyTorch's default init (method.md §3.3).
 */
final class RsTransferModule extends TensorModule implements ModuleRegistry {
    final List<GuidanceBranch> branches = new ArrayList<>();
    final List<FusionUpsample> stages = new ArrayList<>();
    final Conv2d head;

    /** @param layout per source (in config order): taps, their channels and grid factors */
    RsTransferModule(RsTransferDecoderConfig c, List<SourceLayout> layout) {
        for (SourceLayout s : layout) {
            branches.add(GuidanceBranch.declare(this, s.source(), s.taps(), s.channels(), s.factors(), c));
        }
        for (int i = 0; i < c.stages(); i++) {
            stages.add(child("Fusiondecoder" + (i + 1), new FusionUpsample(c.stageInput(i), c.decoderDims().get(i),
                    c.projDims().get(i), layout.size())));
        }
        head = child("head", new Conv2d(c.decoderDims().get(c.stages() - 1), 1, 3, 1, 1, 1, true));
    }

    @Override
    public <M extends TensorModule> M add(String name, M module) {
        return child(name, module);
    }

    /**
     * The taps of one guidance source as resolved against its spec.
     *
     * @param factors stage grid / tap grid per stage (1 = 1×1 conv, more = k=s transposed conv)
     */
    record SourceLayout(String source, List<String> taps, List<Integer> channels, List<Integer> factors) {
    }
}
