package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.Arrays;

/**
 * The text half of OpenAI's {@code CLIP} module (every parameter not under {@code visual.}):
 * {@code token_embedding.weight}, {@code positional_embedding}, {@code transformer.resblocks.{i}}
 * (causal), {@code ln_final}, {@code text_projection} and {@code logit_scale} (counted and loaded,
 * never used by segmentation).
 */
public class ClipTextTransformer extends TensorModule {
    private final int width;
    private final int contextLength;
    private final TokenEmbedding tokenEmbedding;
    private final Param positionalEmbedding;
    private final ClipTransformer transformer;
    private final LayerNorm lnFinal;
    private final Param textProjection;

    public ClipTextTransformer(int width, int layers, int heads, int outputDim, int contextLength, int vocabSize) {
        this.width = width;
        this.contextLength = contextLength;
        this.transformer = child("transformer", new ClipTransformer(width, layers, heads,
                ClipInits.openAiText(width, layers)));
        this.tokenEmbedding = child("token_embedding", new TokenEmbedding(vocabSize, width, Init.normal(0.02)));
        this.positionalEmbedding = paramNoDecay("positional_embedding", new Shape(contextLength, width), Init.normal(0.01));
        this.lnFinal = child("ln_final", new LayerNorm(width, ResidualAttentionBlock.LN_EPS));
        this.textProjection = param("text_projection", new Shape(width, outputDim), Init.normal(Math.pow(width, -0.5)));
        paramNoDecay("logit_scale", new Shape(), Init.constant((float) Math.log(1 / 0.07)));
    }

    /**
     * {@code encode_text}: the projected feature at each sequence's EOT position (not normalised).
     *
     * <p>Tokens after the last EOT of the batch cannot influence any EOT output under the causal
     * mask, so the sequences are cut there: equal to running all {@code contextLength} positions.
     *
     * @param tokens N sequences of {@code contextLength} ids, zero padded
     * @param eot per sequence, the position of its largest id (the EOT token), as {@code argmax}
     * @return (N, outputDim), attached to {@code manager}
     */
    public NDArray forward(long[][] tokens, int[] eot, NDManager manager) {
        int n = tokens.length;
        int len = Arrays.stream(eot).max().orElse(0) + 1;
        long[] flat = new long[n * len];
        for (int i = 0; i < n; i++) {
            if (tokens[i].length != contextLength) {
                throw new IllegalArgumentException("sequence " + i + " has " + tokens[i].length
                        + " ids, expected " + contextLength);
            }
            System.arraycopy(tokens[i], 0, flat, i * len, len);
        }
        NDArray ids = manager.create(flat, new Shape(n, len));
        NDArray x = tokenEmbedding.forward(ids, manager).add(positionalEmbedding.array().get("0:" + len + ", :"));
        x = transformer.forward(x, causalMask(manager, len));
        // one-hot row selection (exact) of the EOT token, then ln_final on those tokens only
        float[] pick = new float[n * len];
        for (int i = 0; i < n; i++) {
            pick[i * len + eot[i]] = 1f;
        }
        NDArray selector = manager.create(pick, new Shape(n, 1, len));
        NDArray pooled = selector.matMul(x).reshape(n, width);
        return lnFinal.forward(pooled).matMul(textProjection.array());
    }

    /** Additive causal mask (L, L): 0 on and below the diagonal, -inf above (CLIP's build_attention_mask). */
    static NDArray causalMask(NDManager manager, int len) {
        float[] m = new float[len * len];
        for (int i = 0; i < len; i++) {
            for (int j = i + 1; j < len; j++) {
                m[i * len + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return manager.create(m, new Shape(len, len));
    }

    public ClipTransformer transformer() {
        return transformer;
    }

    public int contextLength() {
        return contextLength;
    }
}
