package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsFusionCompositionTest {
    private final RsFusionHeadFactory factory = new RsFusionHeadFactory();

    private static RsFusionHeadConfig from(String source) {
        RsFusionHeadConfig d = RsFusionHeadConfig.defaults();
        return new RsFusionHeadConfig(d.layers(), d.hidden(), d.heads(), d.spatialReduction(), d.classPool(),
                d.mlpRatio(), d.guidanceDim(), d.textGuidanceDim(), source);
    }

    @Test
    void guidanceEncoderNotConfigured() {
        assertThatThrownBy(() -> factory.create(from("dinov2.dense"), PaperEncoders.vitB16("model.fusion")))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.fusion.guidanceSource");
                })
                .hasMessageContaining("model.fusion (rsfusion)").hasMessageContaining("model.auxEncoders.dinov2")
                .hasMessageContaining("dino, imageEncoder, remoteclip");
    }

    @Test
    void guidanceMapNotExposed() {
        assertThatThrownBy(() -> factory.create(from("remoteclip.dense"), PaperEncoders.vitB16("model.fusion")))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("model.auxEncoders.remoteclip").hasMessageContaining("[block3, block7]");
    }

    @Test
    void textEncoderMissing() {
        assertThatThrownBy(() -> factory.create(RsFusionHeadConfig.defaults(),
                PaperEncoders.context("model.fusion", Map.of("imageEncoder", PaperEncoders.clipB16()), null)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("text encoder");
    }

    @Test
    void anotherEncodersMapCanGuide() {
        assertThat(factory.create(from("dino.dense"), PaperEncoders.vitB16("model.fusion")).module().namedParameters()
                .get("guidance_projection.0.weight").shape().getShape()).containsExactly(128, 768, 3, 3);
    }
}
