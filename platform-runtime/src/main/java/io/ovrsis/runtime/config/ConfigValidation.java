package io.ovrsis.runtime.config;

import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bootstraps Hibernate Validator for config records: English messages, every violation reported
 * (no fail-fast). Messages are interpolated with Jakarta EL (Expressly) when it is on the class
 * path, because some built-in messages need it ({@code @DecimalMax}: "must be less than 1");
 * otherwise with the {@link ParameterMessageInterpolator} ({@code {min}} parameters only). The
 * provider is given explicitly, so the thread context class loader does not matter.
 */
public final class ConfigValidation {

    private ConfigValidation() {
    }

    /** A new factory; the application keeps one and closes it at shutdown. */
    public static ValidatorFactory newValidatorFactory() {
        try {
            return configure().buildValidatorFactory();
        } catch (ValidationException noExpressionLanguage) {
            return configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        }
    }

    private static HibernateValidatorConfiguration configure() {
        return Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .defaultLocale(Locale.ENGLISH)
                .locales(Locale.ENGLISH)
                .failFast(false);
    }
}
