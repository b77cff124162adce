package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/** {@code nn.Embedding(vocab, width)}: one {@code weight} row per token id. */
public final class TokenEmbedding extends TensorModule {
    private final Param weight;

    public TokenEmbedding(int vocabSize, int width, Init init) {
        this.weight = paramNoDecay("weight", new Shape(vocabSize, width), init);
    }

    /** Rows of {@code weight} for ids (N, L) int64 → (N, L, width), attached to {@code manager}. */
    public NDArray forward(NDArray ids, NDManager manager) {
        Shape s = ids.getShape();
        NDArray flat = ids.reshape(s.size());
        NDArray rows = weight.array().get(manager, new NDIndex("{}", flat));
        return rows.reshape(s.get(0), s.get(1), weight.shape().get(1));
    }
}
