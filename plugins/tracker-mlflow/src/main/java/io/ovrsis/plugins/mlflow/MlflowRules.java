package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.ComponentException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * MLflow's naming and size rules ({@code mlflow/utils/validation.py}), checked before anything is
 * written or sent so that a bad key fails here with a clear message instead of in the UI later.
 */
final class MlflowRules {
    /** Error code of an invalid key, value, name or artifact path. */
    static final String INVALID = "OVRSIS-TRACKING-INVALID";

    static final int MAX_KEY_LENGTH = 250;
    static final int MAX_PARAM_VALUE_LENGTH = 6000;
    static final int MAX_TAG_VALUE_LENGTH = 8000;
    static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    static final int MAX_RUN_NAME_LENGTH = 250;

    private static final boolean WINDOWS = File.separatorChar == '\\';

    private MlflowRules() {
    }

    /** Checks a metric, param or tag key; {@code kind} is "metric", "param" or "tag". */
    static void checkKey(String kind, String key, String keyPath) {
        if (key == null) {
            throw invalid(keyPath, kind + " key must not be null");
        }
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (!allowedKeyChar(cp)) {
                throw invalid(keyPath, "invalid " + kind + " key '" + key + "': character '" + new String(Character.toChars(cp))
                        + "' is not allowed. Keys may contain only letters, digits, underscores (_), dashes (-), periods (.), spaces ( ), "
                        + (WINDOWS ? "" : "colons (:) ") + "and slashes (/).");
            }
            i += Character.charCount(cp);
        }
        String norm = normpath(key);
        if (!norm.equals(key) || norm.equals(".") || norm.startsWith("..") || norm.startsWith("/")) {
            throw invalid(keyPath, "invalid " + kind + " key '" + key + "': it must be a normalized relative path"
                    + " (not empty, not '.', no leading '/' or '..', no '//', './', '/./' or trailing '/'); '" + norm + "' would be");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid(keyPath, kind + " key '" + shorten(key) + "' has " + key.length() + " characters; MLflow allows at most "
                    + MAX_KEY_LENGTH);
        }
    }

    static void checkParamValue(String key, String value, String keyPath) {
        checkLength("param '" + key + "'", value, MAX_PARAM_VALUE_LENGTH, keyPath);
    }

    static void checkTagValue(String key, String value, String keyPath) {
        checkLength("tag '" + key + "'", value, MAX_TAG_VALUE_LENGTH, keyPath);
    }

    static void checkExperimentName(String name, String keyPath) {
        if (name == null || name.isBlank()) {
            throw invalid(keyPath, "the experiment name must not be blank");
        }
        checkLength("experiment name", name, MAX_EXPERIMENT_NAME_LENGTH, keyPath);
        checkNoControl("experiment name", name, keyPath);
    }

    static void checkRunName(String name, String keyPath) {
        if (name.isBlank()) {
            throw invalid(keyPath, "the run name must not be blank");
        }
        checkLength("run name", name, MAX_RUN_NAME_LENGTH, keyPath);
        checkNoControl("run name", name, keyPath);
    }

    /**
     * Checks an artifact path ({@code config/resolved.yaml}): relative, '/'-separated, normalized.
     * Returns its segments.
     */
    static List<String> checkArtifactPath(String path, String keyPath) {
        if (path == null || path.isEmpty()) {
            throw invalid(keyPath, "the artifact path must not be empty; use a relative path like 'config/resolved.yaml'");
        }
        String norm = normpath(path);
        if (path.contains("\\") || !norm.equals(path) || norm.equals(".") || norm.startsWith("..") || norm.startsWith("/")
                || path.chars().anyMatch(c -> c < 0x20)) {
            throw invalid(keyPath, "invalid artifact path '" + path + "': use a normalized relative path with '/' separators"
                    + " (no leading '/', no '.' or '..' segments, no '\\\\', no trailing '/'), e.g. 'config/resolved.yaml'");
        }
        return List.of(path.split("/"));
    }

    /** Python's {@code posixpath.normpath}. */
    static String normpath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int initialSlashes = path.startsWith("/") ? 1 : 0;
        if (path.startsWith("//") && !path.startsWith("///")) {
            initialSlashes = 2;
        }
        List<String> parts = new ArrayList<>();
        for (String comp : path.split("/", -1)) {
            if (comp.isEmpty() || comp.equals(".")) {
                continue;
            }
            boolean keep = !comp.equals("..") || (initialSlashes == 0 && parts.isEmpty())
                    || (!parts.isEmpty() && parts.get(parts.size() - 1).equals(".."));
            if (keep) {
                parts.add(comp);
            } else if (!parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }
        String joined = "/".repeat(initialSlashes) + String.join("/", parts);
        return joined.isEmpty() ? "." : joined;
    }

    private static boolean allowedKeyChar(int cp) {
        if (cp == '/' || cp == '.' || cp == '-' || cp == ' ' || cp == '_') {
            return true;
        }
        if (cp == ':') {
            return !WINDOWS;
        }
        // Python's \w in str patterns: alphanumerics (any script, numeric characters included) and '_'
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static void checkLength(String what, String value, int max, String keyPath) {
        if (value != null && value.length() > max) {
            throw invalid(keyPath, what + " has " + value.length() + " characters; MLflow allows at most " + max);
        }
    }

    private static void checkNoControl(String what, String value, String keyPath) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(keyPath, what + " '" + shorten(value) + "' contains control characters (line breaks, tabs, ...)");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static ComponentException invalid(String keyPath, String message) {
        return new ComponentException(INVALID, keyPath, message);
    }
}
