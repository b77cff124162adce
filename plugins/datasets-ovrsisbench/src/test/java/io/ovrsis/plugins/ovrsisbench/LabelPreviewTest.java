package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.data.Sample;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialScene;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LabelPreviewTest {

    @Test
    void imageLabelAndLegend() {
        AerialScene scene = AerialSceneGenerator.generate(3, 32);
        Sample sample = new Sample("s", 32, 32, scene.rgb(), scene.labels());
        BufferedImage preview = LabelPreview.render(sample, AerialClasses.NAMES, AerialClasses::colour, 2);

        assertThat(preview.getWidth()).isEqualTo(2 * 64 + 4);
        assertThat(preview.getHeight()).isEqualTo(64 + 14 * 8 + 4);
        int label = scene.labels()[5 * 32 + 7];
        int[] c = AerialClasses.colour(label);
        assertThat(preview.getRGB(64 + 4 + 2 * 7 + 1, 2 * 5 + 1) & 0xFFFFFF).isEqualTo(c[0] << 16 | c[1] << 8 | c[2]);
        int[] water = AerialClasses.colour(AerialClasses.WATER);
        assertThat(preview.getRGB(5, 64 + 4 + 14 * AerialClasses.WATER + 5) & 0xFFFFFF)
                .isEqualTo(water[0] << 16 | water[1] << 8 | water[2]);
    }
}
