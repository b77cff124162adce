package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.testing.PaperEncoders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatSegCompositionTest {
    private final CatSegHeadFactory factory = new CatSegHeadFactory();

    private static CatSegHeadConfig with(int windowSize, String source) {
        CatSegHeadConfig d = CatSegHeadConfig.defaults();
        return new CatSegHeadConfig(d.layers(), d.hidden(), d.heads(), windowSize, d.poolingSize(),
                d.evalPoolingSize(), d.padLength(), d.attentionType(), d.guidanceDim(), d.textGuidanceDim(), source);
    }

    @Test
    void guidanceEncoderOrMapMissing() {
        assertThatThrownBy(() -> factory.create(with(12, "dinov2.dense"), PaperEncoders.vitB16("model.fusion")))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.fusion.guidanceSource");
                })
                .hasMessageContaining("model.fusion (catseg)").hasMessageContaining("dino, imageEncoder, remoteclip");
        assertThatThrownBy(() -> factory.create(with(12, "remoteclip.dense"), PaperEncoders.vitB16("model.fusion")))
                .isInstanceOf(ComponentException.class).hasMessageContaining("[block3, block7]");
    }

    @Test
    void windowsMustTileTheGrid() {
        assertThatThrownBy(() -> factory.create(with(10, "imageEncoder.dense"), PaperEncoders.vitB16("model.fusion")))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.fusion.windowSize");
                })
                .hasMessageContaining("24x24 grid").hasMessageContaining("divides 24");
        for (int ok : new int[] {8, 12, 24, 40}) {
            assertThat(factory.create(with(ok, "imageEncoder.dense"), PaperEncoders.vitB16("model.fusion"))).isNotNull();
        }
        // DINO B/8 at 384 px has a 48x48 grid
        assertThat(factory.create(with(12, "dino.dense"), PaperEncoders.vitB16("model.fusion")).module()
                .namedParameters().get("guidance_projection.0.weight").shape().getShape()).containsExactly(128, 768, 3, 3);
    }

    @Test
    void textEncoderMissing() {
        assertThatThrownBy(() -> factory.create(CatSegHeadConfig.defaults(),
                PaperEncoders.context("model.fusion", Map.of("imageEncoder", PaperEncoders.clipB16()), null)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("text encoder");
    }
}
