package io.ovrsis.plugins.rstransfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.ConvTranspose2d;
import io.ovrsis.api.nn.GroupNorm;
import io.ovrsis.api.nn.TensorModule;

/**
 * One decoder stage ({@code Fusiondecoder{i}}, the authors' {@code RSKT_Upsample}): {@code up}, a
 * ConvTranspose2d(in, in − projDim, k2, s2) (in → in without guidance), then {@code conv.double_conv}
 * = [Conv3x3 no bias, GroupNorm(out/16), ReLU] × 2 on cat[up, guidance of every source].
 */
final class FusionUpsample extends TensorModule {
    private static final float GN_EPS = 1e-5f;
    private final ConvTranspose2d up;
    private final InputSplitConv2d conv0;
    private final GroupNorm norm1;
    private final Conv2d conv3;
    private final GroupNorm norm4;
    private final int upChannels;
    private final int guidanceChannels;

    /**
     * @param in input channels
     * @param out output channels (also the GroupNorm width)
     * @param projDim channels of one source's guidance
     * @param sources number of guidance sources
     */
    FusionUpsample(int in, int out, int projDim, int sources) {
        upChannels = sources == 0 ? in : in - projDim;
        guidanceChannels = sources * projDim;
        up = child("up", new ConvTranspose2d(in, upChannels, 2, true));
        Container doubleConv = child("conv", new Container()).add("double_conv", new Container());
        conv0 = doubleConv.add("0", new InputSplitConv2d(upChannels + guidanceChannels, out));
        norm1 = doubleConv.add("1", new GroupNorm(out / 16, out, GN_EPS));
        conv3 = doubleConv.add("3", new Conv2d(out, out, 3, 1, 1, 1, false));
        norm4 = doubleConv.add("4", new GroupNorm(out / 16, out, GN_EPS));
    }

    /**
     * @param x (B·T, in, h, w)
     * @param guidance every source's projected guidance concatenated in order, (B, sources·projDim, 2h, 2w),
     *     or null without guidance
     * @param batch B
     * @return (B·T, out, 2h, 2w)
     */
    NDArray forward(NDArray x, NDArray guidance, long batch) {
        NDArray u = up.forward(x);
        NDArray z;
        if (guidance == null) {
            z = conv0.forward(u);
        } else {
            NDArray own = conv0.forwardPart(u, 0, upChannels);
            Shape s = own.getShape();
            NDArray shared = conv0.forwardPart(guidance, upChannels, upChannels + guidanceChannels).expandDims(1);
            z = own.reshape(batch, s.get(0) / batch, s.get(1), s.get(2), s.get(3)).add(shared).reshape(s);
        }
        z = Activation.relu(norm1.forward(z));
        return Activation.relu(norm4.forward(conv3.forward(z)));
    }
}
