package io.ovrsis.runtime.config;

import java.util.Optional;

/**
 * One mistake in an experiment config.
 *
 * @param code stable error code ({@code OVRSIS-CONFIG-UNKNOWN-KEY}); see {@link ConfigErrors}
 * @param keyPath dotted key path the mistake is about; empty when it is about a whole file
 * @param source where the offending value came from; {@code null} when unknown
 * @param message what is wrong and what would be valid, without the location and key path
 */
public record ConfigError(String code, String keyPath, Source source, String message) {

    public ConfigError {
        keyPath = keyPath == null ? "" : keyPath;
    }

    public Optional<Source> location() {
        return Optional.ofNullable(source);
    }

    /** {@code location keyPath: message}, the second line of a formatted error. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        if (source != null) {
            line.append(source.describe()).append(' ');
        }
        if (!keyPath.isEmpty()) {
            line.append(keyPath).append(": ");
        }
        return line.append(message).toString();
    }

    @Override
    public String toString() {
        return code + " " + describe();
    }
}
