package io.ovrsis.runtime.config;

import java.util.List;

/**
 * Every mistake found in an experiment config, reported together. The CLI prints
 * {@link #format()} (no stack trace) and exits with code 2.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The default subject of the heading: the errors are in an experiment. */
    public static final String EXPERIMENT = "the experiment config";

    private final transient List<ConfigError> errors;
    private final String subject;

    public ConfigException(List<ConfigError> errors) {
        this(errors, EXPERIMENT);
    }

    /**
     * @param subject what the errors are in, for the heading ("the experiment config", "the
     *     command-line options")
     */
    public ConfigException(List<ConfigError> errors, String subject) {
        super(format(errors, subject), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.subject = subject;
    }

    public ConfigException(ConfigError error) {
        this(List.of(error));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /**
     * The errors as a numbered list:
     * <pre>
     * 2 errors in the experiment config:
     *
     * 1) OVRSIS-CONFIG-UNKNOWN-KEY
     *    experiments/x.yaml:4:13 model.fusion.layer: unknown key ...
     *
     * 2) OVRSIS-CONFIG-CONSTRAINT
     *    --set #1 model.fusion.layers: must be greater than or equal to 1 (was 0)
     * </pre>
     */
    public String format() {
        return format(errors, subject);
    }

    private static String format(List<ConfigError> errors, String subject) {
        StringBuilder out = new StringBuilder();
        out.append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                .append(" in ").append(subject).append(":\n");
        for (int i = 0; i < errors.size(); i++) {
            ConfigError error = errors.get(i);
            String number = (i + 1) + ") ";
            out.append('\n').append(number).append(error.code()).append('\n')
                    .append(" ".repeat(number.length())).append(error.describe()).append('\n');
        }
        return out.toString();
    }
}
