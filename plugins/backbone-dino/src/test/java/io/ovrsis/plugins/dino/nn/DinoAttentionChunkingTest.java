package io.ovrsis.plugins.dino.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Inference attention in query chunks equals the plain (recording) attention. */
class DinoAttentionChunkingTest {

    private static void check(int width, int heads, int tokens) {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoAttention attn = new DinoAttention(width, heads);
            attn.initialize(m, 3L);
            NDArray x = m.randomNormal(new Shape(1, tokens, width));
            long rows = DinoAttention.CHUNK_BYTES / ((long) heads * tokens * Float.BYTES);
            assertThat(rows).as("several chunks").isLessThan(tokens);
            NDArray plain = attn.forward(x, true);
            NDArray chunked = attn.forward(x, false);
            float diff = plain.sub(chunked).abs().max().getFloat();
            assertThat(diff).isLessThan(1e-6f);
        }
    }

    @Test
    void powerOfTwoScaleIsAppliedToTheQueries() {
        check(32, 2, 2500); // head dim 16: scale 0.25
    }

    @Test
    void otherScalesAreAppliedToTheLogits() {
        check(36, 4, 2100); // head dim 9: scale 1/3
    }
}
