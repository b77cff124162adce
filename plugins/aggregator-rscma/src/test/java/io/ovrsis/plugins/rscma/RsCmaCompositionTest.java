package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.FeatureSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Composition mistakes are ComponentExceptions naming the aggregator and the encoder involved. */
class RsCmaCompositionTest {
    private final RsCmaAggregatorFactory factory = new RsCmaAggregatorFactory();

    private static RsCmaAggregatorConfig withExtra(String name, String feature) {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        return new RsCmaAggregatorConfig(d.directions(), d.source(), List.of(name), feature, 1, d.hidden(),
                d.fusionType(), d.kernel());
    }

    @Test
    void extraCostSourceNotConfigured() {
        assertThatThrownBy(() -> factory.create(withExtra("dinov2", "dense"), PaperEncoders.vitB16("model.aggregator")))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.aggregator.extraCost");
                })
                .hasMessageContaining("model.aggregator (rscma)").hasMessageContaining("\"dinov2\"")
                .hasMessageContaining("dino, imageEncoder, remoteclip");
    }

    @Test
    void extraCostMapNotExposed() {
        assertThatThrownBy(() -> factory.create(withExtra("remoteclip", "dense"), PaperEncoders.vitB16("model.aggregator")))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("auxEncoders.remoteclip").hasMessageContaining("[block3, block7]");
    }

    @Test
    void imageAndTextSizesDiffer() {
        assertThatThrownBy(() -> factory.create(RsCmaAggregatorConfig.defaults(),
                PaperEncoders.context("model.aggregator", Map.of("imageEncoder", PaperEncoders.clipL14()), 512)))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("equal size").hasMessageContaining("768").hasMessageContaining("512");
    }

    @Test
    void sourceMapNotExposedAndTextEncoderMissing() {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        RsCmaAggregatorConfig tap = new RsCmaAggregatorConfig(d.directions(), "block11", d.extraCost(),
                d.extraCostFeature(), 1, d.hidden(), d.fusionType(), d.kernel());
        assertThatThrownBy(() -> factory.create(tap, PaperEncoders.vitB16("model.aggregator")))
                .isInstanceOfSatisfying(ComponentException.class,
                        e -> assertThat(e.keyPath()).isEqualTo("model.aggregator.source"))
                .hasMessageContaining("\"block11\" of imageEncoder");
        assertThatThrownBy(() -> factory.create(d, PaperEncoders.context("model.aggregator", Map.of("imageEncoder", PaperEncoders.clipB16()), null)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("text encoder");
    }

    @Test
    void templateCountMustMatchTheTextEncoders() {
        io.ovrsis.api.component.BuildContext paper = PaperEncoders.vitB16("model.aggregator");
        io.ovrsis.api.component.BuildContext eightTemplates = new io.ovrsis.api.component.BuildContext(paper.keyPath(),
                paper.projectDir(), paper.encoders(), paper.textEmbeddingDim(), paper.seed(), java.util.Optional.of(8));
        assertThatThrownBy(() -> factory.create(RsCmaAggregatorConfig.defaults(), eightTemplates))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-COMPOSE-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("model.aggregator.templateCount");
                })
                .hasMessageContaining("built for 1 prompt template").hasMessageContaining("produces 8")
                .hasMessageContaining("templateCount: 8");
        io.ovrsis.api.component.BuildContext oneTemplate = new io.ovrsis.api.component.BuildContext(paper.keyPath(),
                paper.projectDir(), paper.encoders(), paper.textEmbeddingDim(), paper.seed(), java.util.Optional.of(1));
        assertThat(factory.create(RsCmaAggregatorConfig.defaults(), oneTemplate).outputChannels()).isEqualTo(128);
    }

    @Test
    void extraGridMustBeAMultipleOfTheCostGrid() {
        FeatureSpec odd = FeatureSpec.builder().setInputSize(280).addMap("dense", 768, 8).build(); // grid 35
        assertThatThrownBy(() -> factory.create(withExtra("dino", "dense"),
                PaperEncoders.context("model.aggregator", Map.of("imageEncoder", PaperEncoders.clipB16(), "dino", odd), 512)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("grid 35").hasMessageContaining("24");
    }
}
