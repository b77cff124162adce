package io.ovrsis.runtime.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions recorded at build time (Maven resource filtering of {@code ovrsis-version.properties}). */
public final class PlatformVersion {
    private static final Properties PROPS = load();

    private PlatformVersion() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PlatformVersion.class.getResourceAsStream("/ovrsis-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The platform-api version PF4J checks {@code plugin.requires} against. */
    public static String api() {
        return PROPS.getProperty("api.version", "0.0.0");
    }

    public static String djl() {
        return PROPS.getProperty("djl.version", "?");
    }

    public static String pytorch() {
        return PROPS.getProperty("pytorch.version", "?");
    }
}
