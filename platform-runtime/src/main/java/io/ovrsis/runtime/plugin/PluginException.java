package io.ovrsis.runtime.plugin;

/** A discovery problem the user must fix (no plugins, duplicate ids, incompatible plugin). */
public final class PluginException extends RuntimeException {
    private final String code;

    public PluginException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
