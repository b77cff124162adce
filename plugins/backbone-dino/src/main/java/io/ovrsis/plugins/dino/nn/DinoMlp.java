package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Linear;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;

/** DINO's MLP: {@code fc1} (D → 4D), exact (erf) GELU, {@code fc2} (4D → D). */
public final class DinoMlp extends TensorModule {
    private final Linear fc1;
    private final Linear fc2;

    public DinoMlp(int width) {
        int hidden = 4 * width;
        Init weights = Init.truncNormal(DinoVisionTransformer.INIT_STD);
        this.fc1 = child("fc1", new Linear(width, hidden, true, weights, Init.zeros()));
        this.fc2 = child("fc2", new Linear(hidden, width, true, weights, Init.zeros()));
    }

    public NDArray forward(NDArray x) {
        return fc2.forward(Ops.gelu(fc1.forward(x)));
    }
}
