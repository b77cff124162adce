package io.ovrsis.plugins.mlflow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code file:} URIs as MLflow makes and reads them: {@code pathlib.Path(abs).as_uri()} percent-encodes
 * every byte except letters, digits, {@code _.-~} and {@code /} ({@code /a b} becomes
 * {@code file:///a%20b}); reading takes the URI's path and decodes it.
 */
final class FileUris {
    private FileUris() {
    }

    /** {@code file://} + the encoded absolute path, as MLflow writes {@code artifact_location}. */
    static String fromPath(Path absolute) {
        if (!absolute.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        String path = absolute.toString().replace('\\', '/');
        if (!path.startsWith("/")) {
            path = "/" + path; // Windows drive letters: file:///C:/...
        }
        StringBuilder sb = new StringBuilder("file://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/';
            if (safe) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** True for {@code file:...} (any case). */
    static boolean isFileUri(String uri) {
        return uri.regionMatches(true, 0, "file:", 0, 5);
    }

    /**
     * The local path of a {@code file:} URI ({@code file:///abs}, {@code file:/abs},
     * {@code file://localhost/abs}, {@code file:relative}); relative results stay relative.
     *
     * @throws IllegalArgumentException for a remote host or a malformed escape
     */
    static Path toPath(String uri) {
        String rest = uri.substring(5);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                throw new IllegalArgumentException("file URI '" + uri + "' names the host '" + host
                        + "'; only local paths are supported (file:///absolute/path)");
            }
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int cut = indexOfAny(rest, '?', '#');
        if (cut >= 0) {
            rest = rest.substring(0, cut);
        }
        return Path.of(decode(rest, uri));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }

    private static String decode(String s, String uri) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                    throw new IllegalArgumentException("file URI '" + uri + "' has a malformed %-escape");
                }
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
