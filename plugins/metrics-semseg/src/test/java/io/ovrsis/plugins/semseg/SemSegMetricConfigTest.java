package io.ovrsis.plugins.semseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

class SemSegMetricConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void recordedDefaults() {
        SemSegMetricFactory factory = new SemSegMetricFactory();
        assertThat(factory.id()).isEqualTo("semseg");
        assertThat(factory.configType()).isEqualTo(SemSegMetricConfig.class);
        assertThat(factory.defaultConfig()).isEqualTo(new SemSegMetricConfig(false));
    }

    @Test
    void fullMapping() throws Exception {
        SemSegMetricConfig config = YAML.readValue("boundaryIoU: true\n", SemSegMetricConfig.class);
        assertThat(config).isEqualTo(new SemSegMetricConfig(true));
        try (ValidatorFactory vf = Validation.buildDefaultValidatorFactory()) {
            Validator validator = vf.getValidator();
            assertThat(validator.validate(config)).isEmpty();
        }
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("boundaryIoU: false\nboundaryIou: true\n", SemSegMetricConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void createsAMetricWithoutIo() {
        assertThat(new SemSegMetricFactory().create(new SemSegMetricConfig(false), null)).isInstanceOf(SemSegMetric.class);
    }
}
