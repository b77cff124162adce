package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.FeatureSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsTransferCompositionTest {
    private final RsTransferDecoderFactory factory = new RsTransferDecoderFactory();

    @Test
    void guidanceSourceNotConfigured() {
        assertThatThrownBy(() -> factory.create(RsTransferDecoderConfig.defaults(),
                PaperEncoders.context("model.decoder", Map.of("imageEncoder", PaperEncoders.clipB16(), "dino", PaperEncoders.dinoB8()), 512)))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.decoder.guidance");
                })
                .hasMessageContaining("model.decoder (rstransfer)").hasMessageContaining("\"remoteclip\"")
                .hasMessageContaining("model.auxEncoders.remoteclip").hasMessageContaining("dino, imageEncoder");
    }

    @Test
    void tapNotExposed() {
        FeatureSpec dino11 = FeatureSpec.builder().setInputSize(384).addMap("dense", 768, 8).addMap("block11", 768, 8).build();
        assertThatThrownBy(() -> factory.create(RsTransferDecoderConfig.defaults(), PaperEncoders.context("model.decoder", Map.of(
                "imageEncoder", PaperEncoders.clipB16(), "remoteclip", PaperEncoders.remoteClipB32(), "dino", dino11), 512)))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("needs \"block3\", \"block7\" from model.auxEncoders.dino")
                .hasMessageContaining("[dense, block11]").hasMessageContaining("remove \"dino\" from model.decoder.guidance");
    }

    @Test
    void vitLClipNeedsItsOwnTaps() {
        assertThatThrownBy(() -> factory.create(RsTransferDecoderConfig.defaults(), PaperEncoders.vitL14("model.decoder")))
                .isInstanceOf(ComponentException.class).hasMessageContaining("model.imageEncoder")
                .hasMessageContaining("missing \"block3\"");
    }

    @Test
    void tapGridMustDivideTheStageGrid() {
        FeatureSpec remote20 = FeatureSpec.builder().setInputSize(640).addMap("block3", 768, 32)
                .addMap("block7", 768, 32).build(); // grid 20 against stage grids 48 and 96
        assertThatThrownBy(() -> factory.create(RsTransferDecoderConfig.defaults(), PaperEncoders.context("model.decoder", Map.of(
                "imageEncoder", PaperEncoders.clipB16(), "remoteclip", remote20, "dino", PaperEncoders.dinoB8()), 512)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("grid 20").hasMessageContaining("48");
    }

    @Test
    void guidanceLessDecoderNeedsNoEncoder() {
        RsTransferDecoderConfig d = RsTransferDecoderConfig.defaults();
        RsTransferDecoderConfig none = new RsTransferDecoderConfig(d.hidden(), List.of(), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), d.projDims(), d.decoderDims(), d.moduleNames());
        assertThat(factory.create(none, PaperEncoders.context("model.decoder", Map.of(), null)).upsampling()).isEqualTo(4);
    }
}
