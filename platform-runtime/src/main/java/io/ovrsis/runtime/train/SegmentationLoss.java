package io.ovrsis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import io.ovrsis.api.nn.Resize;

/**
 * CAT-Seg / RSKT-Seg training loss (method.md §6.3): logits bilinearly upsampled (align_corners
 * false) to the label size, one-hot targets (all zero where the label is the ignore value, which
 * therefore stays in the mean), BCE-with-logits averaged over all B·T·H·W elements.
 */
public final class SegmentationLoss {
    private SegmentationLoss() {
    }

    /**
     * @param logits (B, T, h, w)
     * @param labels (B, H, W) int
     */
    public static NDArray bce(NDArray logits, NDArray labels) {
        long t = logits.getShape().get(1);
        int h = (int) labels.getShape().get(1);
        int w = (int) labels.getShape().get(2);
        NDArray x = logits.getShape().get(2) == h && logits.getShape().get(3) == w
                ? logits : Resize.resize(logits, h, w, Resize.Mode.BILINEAR, false);
        NDArray classes = labels.getManager().arange(0, (int) t, 1, DataType.INT64).reshape(1, t, 1, 1);
        NDArray target = labels.toType(DataType.INT64, false).expandDims(1).eq(classes).toType(DataType.FLOAT32, false);
        // max(x, 0) - x·y + log(1 + exp(-|x|)), the stable form of BCE with logits
        NDArray loss = Activation.relu(x).sub(x.mul(target)).add(Activation.softPlus(x.abs().neg()));
        return loss.mean();
    }
}
