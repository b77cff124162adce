package io.ovrsis.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.testing.ReferenceFixtures;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parity with PyTorch 1.13 outputs written by tools/reference/nn_reference.py. */
class NnReferenceTest {
    private static final double TOL = 1e-5;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray ref(String name) {
        return ReferenceFixtures.read(manager, name);
    }

    @Test
    void bicubicUpsamplingMatchesInterpolate() throws IOException {
        NDArray out = Resize.resize(ref("resize_in"), 24, 24, Resize.Mode.BICUBIC, false);
        Tensors.assertClose(out, ref("resize_bicubic_14_24").toFloatArray(), TOL);
    }

    @Test
    void bilinearDownsamplingHasNoAntialias() throws IOException {
        NDArray out = Resize.resize(ref("resize_in"), 5, 5, Resize.Mode.BILINEAR, false);
        Tensors.assertClose(out, ref("resize_bilinear_14_5").toFloatArray(), TOL);
    }

    @Test
    void bilinearAlignCornersMatches() throws IOException {
        NDArray out = Resize.resize(ref("resize_in"), 24, 24, Resize.Mode.BILINEAR, true);
        Tensors.assertClose(out, ref("resize_bilinear_ac_14_24").toFloatArray(), TOL);
    }

    @Test
    void bilinearNonSquareMatches() throws IOException {
        NDArray out = Resize.resize(ref("resize_in"), 9, 20, Resize.Mode.BILINEAR, false);
        Tensors.assertClose(out, ref("resize_bilinear_14_9x20").toFloatArray(), TOL);
    }

    @Test
    void scaleFactorSemanticsMatchDinoPositionResize() throws IOException {
        NDArray out = Resize.resizeByScale(ref("pe_in"), 1.717857142857143, Resize.Mode.BICUBIC);
        assertThat(out.getShape().getShape()).containsExactly(1, 8, 48, 48);
        Tensors.assertClose(out, ref("pe_bicubic_scale").toFloatArray(), TOL);
        // resizing to size=(48, 48) instead is measurably different (method.md §14.5)
        NDArray bySize = Resize.resize(ref("pe_in"), 48, 48, Resize.Mode.BICUBIC, false);
        assertThat(Tensors.maxAbsDiff(bySize, ref("pe_bicubic_scale").toFloatArray())).isGreaterThan(1e-3);
    }

    @Test
    void transposedConvolutionMatches() throws IOException {
        for (int k : new int[] {2, 4}) {
            ConvTranspose2d ct = new ConvTranspose2d(6, 5, k, true);
            ct.initialize(manager, 1);
            ct.namedParameters().get("weight").load(ref("convt" + k + "_weight"));
            ct.namedParameters().get("bias").load(ref("convt" + k + "_bias"));
            NDArray out = ct.forward(ref("convt" + k + "_in"));
            Tensors.assertClose(out, ref("convt" + k + "_out").toFloatArray(), TOL);
        }
    }

    @Test
    void groupNormMatches() throws IOException {
        GroupNorm gn = new GroupNorm(4, 8, 1e-5f);
        gn.initialize(manager, 1);
        gn.namedParameters().get("weight").load(ref("gn_weight"));
        gn.namedParameters().get("bias").load(ref("gn_bias"));
        Tensors.assertClose(gn.forward(ref("gn_in")), ref("gn_out").toFloatArray(), TOL);
    }

    @Test
    void l2NormalizeHasAFiniteGradientAtZero() {
        NDArray x = manager.create(new float[] {3, 4, 0, 0}, new ai.djl.ndarray.types.Shape(2, 2));
        x.setRequiresGradient(true);
        try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray y = Ops.l2Normalize(x, 1, 1e-12f);
            Tensors.assertClose(y, new float[] {0.6f, 0.8f, 0, 0}, 1e-7);
            gc.backward(y.sum());
        }
        for (float g : x.getGradient().toFloatArray()) {
            assertThat(Float.isFinite(g)).isTrue();
        }
    }

    @Test
    void scaleKeepsItsScalarAliveUntilBackward() {
        // DJL's x.mul(float) frees the scalar PyTorch saved for backward; garbage collection then
        // hands that memory to new buffers. Ops.scale must give the exact gradient regardless.
        NDArray x = manager.create(new float[] {1, 2, 3, 4});
        x.setRequiresGradient(true);
        try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray y = Ops.scale(x, 3f);
            for (int i = 0; i < 5; i++) {
                System.gc();
                java.nio.ByteBuffer.allocateDirect(1 << 20).putFloat(0, 1e30f);
            }
            gc.backward(y.sum());
        }
        assertThat(x.getGradient().toFloatArray()).containsOnly(3f);
    }

    @Test
    void rot90MatchesTorch() throws IOException {
        NDArray r = manager.arange(24f).reshape(1, 2, 3, 4);
        for (int k = 1; k <= 3; k++) {
            Tensors.assertClose(Ops.rot90(r, k), ref("rot90_" + k).toFloatArray(), 0);
        }
        // rotating back by -k restores the input exactly
        Tensors.assertClose(Ops.rot90(Ops.rot90(r, 1), -1), r.toFloatArray(), 0);
    }
}
