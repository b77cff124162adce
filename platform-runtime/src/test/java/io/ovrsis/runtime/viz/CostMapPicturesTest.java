package io.ovrsis.runtime.viz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.testing.Tensors;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heat maps against tools/reference/costmap_reference.py (the authors' visualize_corr steps 1–4 in
 * PyTorch), and the 0.4/0.6 blend with OpenCV's rounding.
 */
class CostMapPicturesTest {
    private static final Path REF = Path.of("src/test/resources/reference");

    @Test
    void greyValuesMatchPyTorchUpAndDown() throws java.io.IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] map = Tensors.readNpy(m, REF.resolve("costmap_map_6x7.npy")).toFloatArray();
            int[] up = CostMapPictures.heat(map, 0, 6, 7, 20, 30, m);
            int[] expectedUp = Tensors.readNpy(m, REF.resolve("costmap_grey_20x30.npy")).toIntArray();
            assertThat(up).containsExactly(expectedUp);
            int[] down = CostMapPictures.heat(map, 0, 6, 7, 4, 5, m);
            assertThat(down).containsExactly(Tensors.readNpy(m, REF.resolve("costmap_grey_4x5.npy")).toIntArray());
            // the offset selects one class's map out of T maps
            float[] two = new float[84];
            System.arraycopy(map, 0, two, 42, 42);
            assertThat(CostMapPictures.heat(two, 42, 6, 7, 20, 30, m)).containsExactly(expectedUp);
        }
    }

    @Test
    void normalisationIgnoresScaleAndOffsetAndAConstantMapIsZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] map = {0.1f, 0.3f, 0.2f, 0.5f};
            float[] shifted = {10.2f, 10.6f, 10.4f, 11.0f};
            assertThat(CostMapPictures.heat(map, 0, 2, 2, 2, 2, m)).containsExactly(0, 127, 63, 255);
            assertThat(CostMapPictures.heat(shifted, 0, 2, 2, 2, 2, m)).containsExactly(0, 127, 63, 255);
            assertThat(CostMapPictures.heat(new float[] {0.3f, 0.3f, 0.3f, 0.3f}, 0, 2, 2, 3, 3, m))
                    .containsOnly(0).hasSize(9);
        }
    }

    @Test
    void blendIsFourTenthsImageSixTenthsHeatRoundedHalfToEven() {
        byte[] rgb = {(byte) 200, 10, 0, 0, 0, 0};
        int[] grey = {0, 255};
        byte[] out = CostMapPictures.blend(rgb, grey);
        // grey 0 -> JET (0, 0, 128): 0.4*200 + 0 = 80, 0.4*10 = 4, 0.6*128 = 76.8 -> 77
        assertThat(out[0] & 0xff).isEqualTo(80);
        assertThat(out[1] & 0xff).isEqualTo(4);
        assertThat(out[2] & 0xff).isEqualTo(77);
        // grey 255 -> JET (128, 0, 0) over black: 76.8 -> 77, 0, 0
        assertThat(out[3] & 0xff).isEqualTo(77);
        assertThat(out[4] & 0xff).isZero();
        assertThat(out[5] & 0xff).isZero();
        // white under the hottest JET colour stays within 0..255
        byte[] white = CostMapPictures.blend(new byte[] {(byte) 255, (byte) 255, (byte) 255}, new int[] {223});
        assertThat(white[0] & 0xff).isEqualTo(255);
        assertThat(white[1] & 0xff).isEqualTo(102);
        assertThat(white[2] & 0xff).isEqualTo(102);
    }

    @Test
    void summaryTilesEveryPictureAtTheSameScale() {
        byte[] tile = new byte[32 * 64 * 3];
        BufferedImage img = CostMapPictures.summary("class 0: road", 32, 64, List.of(tile, tile, tile),
                List.of("image", "rot0", "dino"));
        // long side 256: each tile 256 x 128, three tiles with gaps of 6
        assertThat(img.getWidth()).isEqualTo(3 * (256 + 6) + 6);
        assertThat(img.getHeight()).isEqualTo(22 + 128 + 18 + 6);
    }
}
