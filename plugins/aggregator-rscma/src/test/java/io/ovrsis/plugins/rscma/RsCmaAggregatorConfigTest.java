package io.ovrsis.plugins.rscma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RsCmaAggregatorConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static Set<ConstraintViolation<RsCmaAggregatorConfig>> validate(RsCmaAggregatorConfig c) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            Validator v = f.getValidator();
            return v.validate(c);
        }
    }

    @Test
    void recordedDefaults() {
        RsCmaAggregatorConfig d = new RsCmaAggregatorFactory().defaultConfig();
        assertThat(d).isEqualTo(new RsCmaAggregatorConfig(List.of(0, 90, 180, 270), "dense", List.of(), "dense", 1, 128,
                CostFusionType.SIMPLE_SEPARATE, 7));
        assertThat(validate(d)).isEmpty();
        assertThat(d.quarterTurns()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                directions: [0, 180]
                source: block7
                extraCost: [dino]
                extraCostFeature: last
                templateCount: 2
                hidden: 64
                fusionType: simple_concatenation
                kernel: 5
                """;
        RsCmaAggregatorConfig c = YAML.readValue(yaml, RsCmaAggregatorConfig.class);
        assertThat(c).isEqualTo(new RsCmaAggregatorConfig(List.of(0, 180), "block7", List.of("dino"), "last", 2, 64,
                CostFusionType.SIMPLE_CONCATENATION, 5));
        assertThat(validate(c)).isEmpty();
        assertThat(YAML.readValue(YAML.writeValueAsString(c), RsCmaAggregatorConfig.class)).isEqualTo(c);
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("hiden: 64\n", RsCmaAggregatorConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void directionsMustStartWithZeroAndBeQuarterTurns() {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        for (List<Integer> bad : List.of(List.of(90, 0), List.of(0, 45), List.of(0, 90, 90), List.of(0, 360))) {
            RsCmaAggregatorConfig c = new RsCmaAggregatorConfig(bad, d.source(), d.extraCost(), d.extraCostFeature(),
                    1, d.hidden(), d.fusionType(), d.kernel());
            assertThat(validate(c)).as("%s", bad).singleElement().satisfies(v -> {
                assertThat(v.getPropertyPath().toString()).isEqualTo("directionsValid");
                assertThat(v.getMessage()).contains("{0, 90, 180, 270}");
            });
        }
    }

    @Test
    void otherConstraints() {
        RsCmaAggregatorConfig d = RsCmaAggregatorConfig.defaults();
        assertThat(validate(new RsCmaAggregatorConfig(d.directions(), d.source(), List.of("dino", "other"), "dense", 1,
                128, CostFusionType.SIMPLE_SEPARATE, 7))).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("exactly one extra cost"));
        assertThat(validate(new RsCmaAggregatorConfig(d.directions(), d.source(), List.of(), "dense", 1, 128,
                CostFusionType.SIMPLE_SEPARATE, 6))).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("odd"));
        assertThat(validate(new RsCmaAggregatorConfig(d.directions(), d.source(), List.of(), "dense", 0, 0,
                CostFusionType.SIMPLE_SEPARATE, 7))).hasSize(2);
    }
}
