package io.ovrsis.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Dotted key paths as used in messages and in the {@link SourceMap}: {@code model.fusion.layers},
 * list items as {@code eval.datasets[0].component}; the root is the empty string.
 */
final class KeyPath {

    /** One step of a path: a map key or a list index. */
    sealed interface Segment permits Key, Index {
    }

    record Key(String name) implements Segment {
    }

    record Index(int index) implements Segment {
    }

    private KeyPath() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Appends a path relative to {@code parent} ({@code ""}, {@code a.b} or {@code [0].a}). */
    static String join(String parent, String relative) {
        if (relative.isEmpty()) {
            return parent;
        }
        if (parent.isEmpty()) {
            return relative;
        }
        return relative.startsWith("[") ? parent + relative : parent + "." + relative;
    }

    /** The parent path, or {@code ""} for a top-level key and for the root. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** The last map key of a path, or the path itself. */
    static String lastKey(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** True if {@code path} is {@code prefix} or lies inside it. */
    static boolean isUnder(String path, String prefix) {
        if (prefix.isEmpty() || path.equals(prefix)) {
            return true;
        }
        return path.startsWith(prefix)
                && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[');
    }

    /**
     * Parses {@code a.b[0].c}. Keys are non-empty and contain none of {@code . [ ] =} or
     * whitespace; indices are non-negative integers.
     *
     * @throws IllegalArgumentException with a short reason when the path is malformed
     */
    static List<Segment> parse(String path) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw new IllegalArgumentException("the key path is empty");
        }
        while (i < n) {
            int start = i;
            while (i < n && isKeyChar(path.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a key at position " + (start + 1));
            }
            segments.add(new Key(path.substring(start, i)));
            while (i < n && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                String digits = close < 0 ? "" : path.substring(i + 1, close);
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 6) {
                    throw new IllegalArgumentException("expected a list index like [0] at position " + (i + 1));
                }
                segments.add(new Index(Integer.parseInt(digits)));
                i = close + 1;
            }
            if (i < n) {
                if (path.charAt(i) != '.' || i == n - 1) {
                    throw new IllegalArgumentException("unexpected '" + path.charAt(i) + "' at position " + (i + 1));
                }
                i++;
            }
        }
        return segments;
    }

    private static boolean isKeyChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '=' && !Character.isWhitespace(c);
    }

    /** Formats parsed segments back into a dotted path. */
    static String format(List<Segment> segments) {
        String path = "";
        for (Segment segment : segments) {
            path = segment instanceof Key key ? child(path, key.name()) : index(path, ((Index) segment).index());
        }
        return path;
    }
}
