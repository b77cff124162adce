package io.ovrsis.api.component;

/**
 * A mistake in how a component is configured or composed, reported to the user without a stack
 * trace. {@code keyPath} names the config key ({@code model.decoder.guidance}) so that the runtime
 * can add the file and line; {@code code} is a stable error code documented in the README.
 */
public class ComponentException extends RuntimeException {
    private final String code;
    private final String keyPath;

    public ComponentException(String code, String keyPath, String message) {
        super(message);
        this.code = code;
        this.keyPath = keyPath;
    }

    public ComponentException(String code, String keyPath, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.keyPath = keyPath;
    }

    /** Stable error code, e.g. {@code OVRSIS-COMPOSE-MISMATCH}. */
    public String code() {
        return code;
    }

    /** Dotted config key path the mistake is about; may be empty when it is about a file. */
    public String keyPath() {
        return keyPath;
    }
}
