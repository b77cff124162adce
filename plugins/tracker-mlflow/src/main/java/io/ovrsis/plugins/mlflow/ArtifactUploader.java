package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.ComponentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Uploads run artifacts to a tracking server's artifact proxy with plain HTTP PUTs, as Python's
 * {@code HttpArtifactRepository} does (the Java client would shell out to the Python CLI instead).
 * The run's {@code mlflow-artifacts:} URI is resolved against the tracking URL
 * ({@code MlflowArtifactsRepository.resolve_uri}); other artifact stores are refused.
 */
final class ArtifactUploader {
    static final String API = "/api/2.0/mlflow-artifacts/artifacts";
    private static final int ATTEMPTS = 3;

    private final String baseUrl;
    private final ServerHttp http;

    private ArtifactUploader(String baseUrl, ServerHttp http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /**
     * @param artifactUri the run's {@code artifact_uri} ({@code mlflow-artifacts:/<exp>/<run>/artifacts})
     * @param trackingUrl the tracking server URL (scheme, host, port and path prefix)
     */
    static ArtifactUploader forRun(String artifactUri, String trackingUrl, ServerHttp http, String keyPath) {
        return new ArtifactUploader(resolve(artifactUri, trackingUrl, keyPath), http);
    }

    /** The HTTP base URL that artifact paths are appended to. */
    static String resolve(String artifactUri, String trackingUrl, String keyPath) {
        String lower = artifactUri == null ? "" : artifactUri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mlflow-artifacts:")) {
            String rest = artifactUri.substring("mlflow-artifacts:".length());
            URI tracking = URI.create(trackingUrl);
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                String path = slash < 0 ? "" : rest.substring(slash);
                String origin = authority.isEmpty() ? tracking.getScheme() + "://" + tracking.getRawAuthority()
                        : tracking.getScheme() + "://" + authority;
                return origin + API + trimTrailingSlash(path);
            }
            if (!rest.startsWith("/")) {
                rest = "/" + rest;
            }
            return trimTrailingSlash(trackingUrl) + API + trimTrailingSlash(rest);
        }
        throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", keyPath + ".uri", "the tracking server stores this run's artifacts at '"
                + artifactUri + "', which this tracker cannot upload to: it only uploads through the server's artifact proxy"
                + " (artifact URIs 'mlflow-artifacts:/...'). Start the server with artifact serving (the default since MLflow 2.0,"
                + " e.g. 'mlflow server --artifacts-destination <dir or bucket>') and use a new experiment, or log to a file store.");
    }

    /** PUTs one file or, for a folder, every file under it (keeping the relative layout). */
    void upload(Path local, List<String> segments) throws IOException {
        if (Files.isDirectory(local)) {
            try (var files = Files.walk(local)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    List<String> all = new java.util.ArrayList<>(segments);
                    for (Path part : local.relativize(f)) {
                        all.add(part.toString());
                    }
                    put(all, Files.size(f), () -> Files.newInputStream(f));
                }
            }
        } else if (Files.isRegularFile(local)) {
            put(segments, Files.size(local), () -> Files.newInputStream(local));
        } else {
            throw new IOException("cannot log artifact '" + String.join("/", segments) + "': " + local + " does not exist");
        }
    }

    void upload(byte[] content, List<String> segments) throws IOException {
        put(segments, content.length, () -> new java.io.ByteArrayInputStream(content));
    }

    private interface Body {
        InputStream open() throws IOException;
    }

    private void put(List<String> segments, long length, Body body) throws IOException {
        StringBuilder url = new StringBuilder(baseUrl);
        for (String s : segments) {
            url.append('/').append(encodeSegment(s));
        }
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = putOnce(url.toString(), length, body, String.join("/", segments));
                if (status < 300) {
                    return;
                }
            } catch (FinalStatus e) {
                throw e;
            } catch (IOException e) {
                last = e; // I/O errors and RetryableStatus: PUT is idempotent, try again
            }
            if (attempt < ATTEMPTS) {
                sleep(1000L << (attempt - 1));
            }
        }
        throw last;
    }

    private int putOnce(String url, long length, Body body, String path) throws IOException {
        HttpURLConnection c = http.open(url, "PUT");
        try {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(length);
            String type = URLConnection.guessContentTypeFromName(path);
            c.setRequestProperty("Content-Type", type == null ? "application/octet-stream" : type);
            try (InputStream in = body.open(); OutputStream out = c.getOutputStream()) {
                in.transferTo(out);
            }
            int status = c.getResponseCode();
            if (status >= 300) {
                String text = ServerHttp.errorBody(c, 500);
                String msg = "uploading artifact '" + path + "' to " + url + " failed: HTTP " + status + (text.isEmpty() ? "" : ": " + text);
                if (status == 408 || status == 429 || status >= 500) {
                    throw new RetryableStatus(msg);
                }
                throw new FinalStatus(msg);
            }
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            return status;
        } finally {
            c.disconnect();
        }
    }

    /** RFC 3986 path segment: unreserved characters kept, everything else %-encoded (UTF-8). */
    static String encodeSegment(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String trimTrailingSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while retrying an artifact upload", e);
        }
    }

    /** A transient server answer (408, 429, 5xx): retried. */
    private static final class RetryableStatus extends IOException {
        RetryableStatus(String message) {
            super(message);
        }
    }

    /** A definite refusal (4xx): not retried. */
    private static final class FinalStatus extends IOException {
        FinalStatus(String message) {
            super(message);
        }
    }
}
