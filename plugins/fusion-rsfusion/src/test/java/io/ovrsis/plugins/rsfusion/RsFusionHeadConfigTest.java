package io.ovrsis.plugins.rsfusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RsFusionHeadConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static Set<ConstraintViolation<RsFusionHeadConfig>> validate(RsFusionHeadConfig c) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            return f.getValidator().validate(c);
        }
    }

    @Test
    void recordedDefaults() {
        RsFusionHeadConfig d = new RsFusionHeadFactory().defaultConfig();
        assertThat(d).isEqualTo(new RsFusionHeadConfig(3, 128, 8, 2, 2, 3, 128, 128, "imageEncoder.dense"));
        assertThat(validate(d)).isEmpty();
        assertThat(d.guidanceEncoder()).isEqualTo("imageEncoder");
        assertThat(d.guidanceMap()).isEqualTo("dense");
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                layers: 5
                hidden: 32
                heads: 4
                spatialReduction: 1
                classPool: 3
                mlpRatio: 4
                guidanceDim: 16
                textGuidanceDim: 24
                guidanceSource: dino.dense
                """;
        RsFusionHeadConfig c = YAML.readValue(yaml, RsFusionHeadConfig.class);
        assertThat(c).isEqualTo(new RsFusionHeadConfig(5, 32, 4, 1, 3, 4, 16, 24, "dino.dense"));
        assertThat(validate(c)).isEmpty();
        assertThat(YAML.readValue(YAML.writeValueAsString(c), RsFusionHeadConfig.class)).isEqualTo(c);
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("layer: 2\n", RsFusionHeadConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void violatedConstraints() {
        assertThat(validate(new RsFusionHeadConfig(3, 100, 8, 2, 2, 3, 128, 128, "imageEncoder.dense")))
                .singleElement().satisfies(v -> {
                    assertThat(v.getPropertyPath().toString()).isEqualTo("headsDividingHidden");
                    assertThat(v.getMessage()).contains("multiple of heads");
                });
        assertThat(validate(new RsFusionHeadConfig(0, 128, 8, 2, 2, 3, 128, 128, "imageEncoder")))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("layers", "guidanceSource");
    }
}
