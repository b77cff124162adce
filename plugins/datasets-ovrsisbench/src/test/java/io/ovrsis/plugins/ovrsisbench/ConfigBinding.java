package io.ovrsis.plugins.ovrsisbench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.TreeSet;

/** Binds and validates config records the way the runtime does (strict YAML, Hibernate Validator). */
final class ConfigBinding {
    static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigBinding() {
    }

    static <T> T bind(String yaml, Class<T> type) throws Exception {
        return YAML.readValue(yaml, type);
    }

    /** Property paths of every violation, sorted. */
    static Set<String> violations(Object config) {
        try (ValidatorFactory vf = Validation.buildDefaultValidatorFactory()) {
            Set<String> paths = new TreeSet<>();
            for (ConstraintViolation<Object> v : vf.getValidator().validate(config)) {
                paths.add(v.getPropertyPath().toString());
            }
            return paths;
        }
    }
}
