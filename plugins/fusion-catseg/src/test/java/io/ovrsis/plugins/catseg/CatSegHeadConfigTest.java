package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatSegHeadConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static Set<ConstraintViolation<CatSegHeadConfig>> validate(CatSegHeadConfig c) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            return f.getValidator().validate(c);
        }
    }

    @Test
    void recordedDefaults() {
        CatSegHeadConfig d = new CatSegHeadFactory().defaultConfig();
        assertThat(d).isEqualTo(new CatSegHeadConfig(3, 128, 4, 12, 2, 1, 256, ClassAttentionType.LINEAR, 128, 128,
                "imageEncoder.dense"));
        assertThat(validate(d)).isEmpty();
        assertThat(d.guidanceEncoder()).isEqualTo("imageEncoder");
        assertThat(d.guidanceMap()).isEqualTo("dense");
        assertThat(d.pooling(true)).isEqualTo(2);
        assertThat(d.pooling(false)).isEqualTo(1);
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                layers: 2
                hidden: 32
                heads: 8
                windowSize: 6
                poolingSize: 3
                evalPoolingSize: 2
                padLength: 0
                attentionType: full
                guidanceDim: 16
                textGuidanceDim: 24
                guidanceSource: dino.dense
                """;
        CatSegHeadConfig c = YAML.readValue(yaml, CatSegHeadConfig.class);
        assertThat(c).isEqualTo(new CatSegHeadConfig(2, 32, 8, 6, 3, 2, 0, ClassAttentionType.FULL, 16, 24,
                "dino.dense"));
        assertThat(validate(c)).isEmpty();
        assertThat(YAML.writeValueAsString(c)).contains("attentionType: \"full\"");
        assertThat(YAML.readValue(YAML.writeValueAsString(c), CatSegHeadConfig.class)).isEqualTo(c);
    }

    @Test
    void unknownKeyOrAttentionTypeIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("window: 12\n", CatSegHeadConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> YAML.readValue("attentionType: softmax\n", CatSegHeadConfig.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("linear").hasMessageContaining("full");
    }

    @Test
    void violatedConstraints() {
        assertThat(validate(new CatSegHeadConfig(3, 100, 8, 12, 2, 1, 256, ClassAttentionType.LINEAR, 128, 128,
                "imageEncoder.dense"))).singleElement().satisfies(v -> {
                    assertThat(v.getPropertyPath().toString()).isEqualTo("headsDividingHidden");
                    assertThat(v.getMessage()).contains("multiple of heads");
                });
        assertThat(validate(new CatSegHeadConfig(0, 128, 4, 0, 0, 0, -1, null, 0, 0, "imageEncoder")))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("layers", "windowSize", "poolingSize", "evalPoolingSize", "padLength",
                        "attentionType", "guidanceDim", "textGuidanceDim", "guidanceSource");
    }
}
