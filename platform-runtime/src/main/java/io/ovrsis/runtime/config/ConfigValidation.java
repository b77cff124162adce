package io.ovrsis.runtime.config;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bootstraps Hibernate Validator for config records: {@code {min}}-style message parameters, no
 * EL expressions, English messages, every violation reported (no fail-fast). The provider is
 * given explicitly, so the thread context class loader does not matter.
 */
public final class ConfigValidation {

    private ConfigValidation() {
    }

    /** A new factory; the application keeps one and closes it at shutdown. */
    public static ValidatorFactory newValidatorFactory() {
        return Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .defaultLocale(Locale.ENGLISH)
                .failFast(false)
                .buildValidatorFactory();
    }
}
