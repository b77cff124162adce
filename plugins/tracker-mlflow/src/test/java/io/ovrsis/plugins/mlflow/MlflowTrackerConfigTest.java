package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MlflowTrackerConfigTest {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new ParameterNamesModule())
            .build();

    private static Set<ConstraintViolation<MlflowTrackerConfig>> validate(MlflowTrackerConfig c) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            Validator v = f.getValidator();
            return v.validate(c);
        }
    }

    @Test
    void recordedDefaults() {
        MlflowTrackerConfig d = new MlflowTrackerFactory().defaultConfig();
        assertThat(d).isEqualTo(new MlflowTrackerConfig("mlruns", "Default", null, 5));
        assertThat(validate(d)).isEmpty();
        assertThat(new MlflowTrackerFactory().configType()).isEqualTo(MlflowTrackerConfig.class);
        assertThat(new MlflowTrackerFactory().id()).isEqualTo("mlflow");
    }

    @Test
    void fullMapping() throws Exception {
        String yaml = "uri: http://127.0.0.1:5000\n"
                + "experiment: rsktseg-potsdam\n"
                + "runName: baseline-vitb16\n"
                + "metricFlushSeconds: 30\n";
        MlflowTrackerConfig c = MAPPER.readValue(yaml, MlflowTrackerConfig.class);
        assertThat(c).isEqualTo(new MlflowTrackerConfig("http://127.0.0.1:5000", "rsktseg-potsdam", "baseline-vitb16", 30));
        assertThat(validate(c)).isEmpty();
    }

    @Test
    void unknownKeyIsRejected() {
        Assertions.assertThatThrownBy(() -> MAPPER.readValue("uri: mlruns\nexperiment: e\nrunName: r\nmetricFlushSeconds: 5\nexperiments: x\n",
                MlflowTrackerConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("experiments");
    }

    @Test
    void constraintViolations() {
        assertThat(validate(new MlflowTrackerConfig("mlruns", " ", null, 5)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("experiment");
        assertThat(validate(new MlflowTrackerConfig("mlruns", "x".repeat(501), null, 5)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("experiment");
        assertThat(validate(new MlflowTrackerConfig("", "e", "  ", 0)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("uri", "runName", "metricFlushSeconds");
        assertThat(validate(new MlflowTrackerConfig("mlruns", "line\nbreak", null, 5)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("experiment");
    }
}
