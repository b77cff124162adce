package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Linear;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;

/** CLIP's MLP: {@code c_fc} (D → 4D), QuickGELU, {@code c_proj} (4D → D). */
public final class ClipMlp extends TensorModule {
    private final Linear cFc;
    private final Linear cProj;

    public ClipMlp(int width, Init fcInit, Init projInit) {
        int hidden = 4 * width;
        this.cFc = child("c_fc", new Linear(width, hidden, true, fcInit, Init.torchDefault(width)));
        this.cProj = child("c_proj", new Linear(hidden, width, true, projInit, Init.torchDefault(hidden)));
    }

    public NDArray forward(NDArray x) {
        return cProj.forward(Ops.quickGelu(cFc.forward(x)));
    }
}
