package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.ComponentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code tracking.uri} sorted into the two supported forms: a file store (a local path or a
 * {@code file:} URI, resolved to an absolute folder) or a tracking server ({@code http(s)://}).
 * Parsing does no I/O.
 *
 * @param storeRoot the absolute file-store folder, or {@code null} for a server
 * @param serverUrl the server base URL without a trailing '/', or {@code null} for a file store
 */
record TrackingUri(Path storeRoot, String serverUrl) {

    boolean isFileStore() {
        return storeRoot != null;
    }

    static TrackingUri parse(String uri, Path projectDir, String keyPath) {
        String key = keyPath + ".uri";
        if (uri == null || uri.isBlank()) {
            throw error(key, "tracking.uri is empty");
        }
        String u = uri.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new TrackingUri(null, serverUrl(u, key));
        }
        if (FileUris.isFileUri(u)) {
            try {
                return new TrackingUri(absolute(FileUris.toPath(u), projectDir), null);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }
        boolean windowsDrive = u.matches("^[A-Za-z]:[\\\\/].*");
        if ((u.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !windowsDrive) || lower.equals("databricks")
                || lower.startsWith("databricks-uc") || lower.equals("uc")) {
            throw error(key, "tracking.uri '" + u + "' is not supported");
        }
        try {
            return new TrackingUri(absolute(Path.of(u), projectDir), null);
        } catch (InvalidPathException e) {
            throw error(key, "tracking.uri '" + u + "' is not a valid path: " + e.getMessage());
        }
    }

    private static Path absolute(Path p, Path projectDir) {
        Path base = projectDir != null ? projectDir : Path.of("");
        return base.toAbsolutePath().resolve(p).normalize();
    }

    private static String serverUrl(String u, String key) {
        URI parsed;
        try {
            parsed = new URI(u);
        } catch (URISyntaxException e) {
            throw error(key, "tracking.uri '" + u + "' is not a valid URL: " + e.getMessage());
        }
        if (parsed.getHost() == null) {
            throw error(key, "tracking.uri '" + u + "' has no host name");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw error(key, "tracking.uri '" + u + "' must not have a query or fragment");
        }
        if (parsed.getRawUserInfo() != null) {
            throw error(key, "tracking.uri '" + redact(parsed) + "' carries credentials in the URL; set MLFLOW_TRACKING_USERNAME and"
                    + " MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN) instead");
        }
        String s = u;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String redact(URI parsed) {
        return parsed.getScheme() + "://***@" + parsed.getHost() + (parsed.getPort() >= 0 ? ":" + parsed.getPort() : "")
                + (parsed.getRawPath() == null ? "" : parsed.getRawPath());
    }

    private static ComponentException error(String key, String what) {
        return new ComponentException("OVRSIS-CONFIG-CONSTRAINT", key, what + ". Supported forms: a local folder or file: URI"
                + " for an MLflow file store (default 'mlruns', relative to the project), or an http:// / https:// tracking-server"
                + " URL (e.g. http://127.0.0.1:5000). Other MLflow backends (databricks, sqlite:, postgresql:, ...) are not supported;"
                + " point a tracking server at them instead.");
    }
}
