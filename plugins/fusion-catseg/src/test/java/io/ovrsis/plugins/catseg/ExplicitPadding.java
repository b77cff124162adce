package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.Resize;
import java.util.Map;

/**
 * For the benchmark only: CAT-Seg's class aggregation the way the authors compute it, with the
 * padding materialised. At each pooled cell the T class tokens are followed by padLength − T copies
 * of {@code padding_tokens} (guidance: {@code padding_guidance}), the guidance is concatenated to every
 * token before q and k, and attention and MLP run over all padLength tokens; the padding outputs are
 * dropped afterwards. Same parameters and the same function as {@link ClassAggregation}, which adds the
 * padding's share in closed form instead.
 */
final class ExplicitPadding {
    private ExplicitPadding() {
    }

    /**
     * @param p the head's named parameters
     * @param prefix e.g. {@code layers.0.attention.}
     * @param x tokens (B, T, h, w, C)
     * @param textGuidance projected class guidance (T, G)
     */
    static NDArray classAggregation(Map<String, Param> p, String prefix, NDArray x, NDArray textGuidance, int pool,
            int padLength, int heads) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        long c = s.get(4);
        long g = textGuidance.getShape().get(1);
        long hp = h;
        long wp = w;
        NDArray cells;
        if (pool > 1) {
            NDArray maps = x.reshape(b * t, h, w, c).transpose(0, 3, 1, 2);
            NDArray pooled = Pool.avgPool2d(maps, new Shape(pool, pool), new Shape(pool, pool), new Shape(0, 0), false, true);
            hp = pooled.getShape().get(2);
            wp = pooled.getShape().get(3);
            cells = pooled.reshape(b, t, c, hp, wp).transpose(0, 3, 4, 1, 2);
        } else {
            cells = x.transpose(0, 2, 3, 1, 4);
        }
        long n = b * hp * wp;
        NDArray tokens = cells.reshape(n, t, c);
        NDArray guidance = textGuidance.broadcast(new Shape(n, t, g));
        long extra = Math.max(0, padLength - t);
        if (extra > 0) {
            tokens = tokens.concat(arr(p, prefix + "padding_tokens").broadcast(new Shape(n, extra, c)), 1);
            guidance = guidance.concat(arr(p, prefix + "padding_guidance").broadcast(new Shape(n, extra, g)), 1);
        }
        NDArray a = norm(p, prefix + "norm1.", tokens);
        NDArray both = a.concat(guidance, 2);
        NDArray q = linear(p, prefix + "attention.q.", both);
        NDArray k = linear(p, prefix + "attention.k.", both);
        NDArray v = linear(p, prefix + "attention.v.", a);
        NDArray y = tokens.add(ClassAttention.linear(q, k, v, heads, ClassAttention.Padding.NONE));
        y = y.add(linear(p, prefix + "MLP.2.", Activation.relu(linear(p, prefix + "MLP.0.", norm(p, prefix + "norm2.", y)))));
        NDArray real = y.get(":, :{}", t); // the authors keep the T real classes after the layer
        NDArray back;
        if (pool > 1) {
            NDArray grid = real.reshape(b, hp, wp, t, c).transpose(0, 3, 4, 1, 2);
            back = Resize.resize(grid, h, w, Resize.Mode.BILINEAR, true).transpose(0, 1, 3, 4, 2);
        } else {
            back = real.reshape(b, h, w, t, c).transpose(0, 3, 1, 2, 4);
        }
        return x.add(back);
    }

    private static NDArray arr(Map<String, Param> p, String name) {
        return p.get(name).array();
    }

    private static NDArray linear(Map<String, Param> p, String prefix, NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, arr(p, prefix + "weight"), arr(p, prefix + "bias")).singletonOrThrow();
    }

    private static NDArray norm(Map<String, Param> p, String prefix, NDArray x) {
        NDArray weight = arr(p, prefix + "weight");
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, weight.getShape(), weight, arr(p, prefix + "bias"), 1e-5f)
                .singletonOrThrow();
    }
}
