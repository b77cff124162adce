package io.ovrsis.plugins.mlflow;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a flat mapping the way MLflow's {@code write_yaml} does (PyYAML {@code safe_dump},
 * block style, {@code allow_unicode=True}, keys sorted, line width 80): plain scalars where PyYAML
 * keeps them plain, {@code 'quoted'} strings that would otherwise read as numbers, booleans, null or
 * dates ({@code experiment_id: '0'}), {@code null}, ints, {@code []} and {@code {}}.
 *
 * <p>Strings with line breaks or non-printable characters are written double-quoted with escapes:
 * valid YAML that reads back the same, though PyYAML may lay such rare strings out differently.
 */
final class PyYamlWriter {
    private static final int BEST_WIDTH = 80;
    private static final int INDENT = 2;

    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
    private static final String FLOW_AND_BLOCK_FIRST = "#,[]{}&*!|>'\"%@`";
    private static final String BREAKS = "\n\u0085\u2028\u2029";
    private static final String WHITESPACE_AFTER = "\0 \t\r\n\u0085\u2028\u2029";

    private final StringBuilder out = new StringBuilder();
    private int column;

    private PyYamlWriter() {
    }

    /** The YAML text for {@code data}: keys sorted, one {@code key: value} per line, trailing newline. */
    static String dump(Map<String, ?> data) {
        PyYamlWriter w = new PyYamlWriter();
        for (Map.Entry<String, ?> e : new TreeMap<>(data).entrySet()) {
            w.entry(e.getKey(), e.getValue());
        }
        return w.out.toString();
    }

    private void entry(String key, Object value) {
        write(key + ":");
        if (value == null) {
            write(" null");
        } else if (value instanceof Integer || value instanceof Long) {
            write(" " + value);
        } else if (value instanceof List<?> list && list.isEmpty()) {
            write(" []");
        } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
            write(" {}");
        } else if (value instanceof String s) {
            scalar(s);
        } else {
            throw new IllegalArgumentException("unsupported YAML value for " + key + ": " + value.getClass().getName());
        }
        out.append('\n');
        column = 0;
    }

    private void scalar(String s) {
        Analysis a = analyze(s);
        if (resolvesToString(s) && a.allowBlockPlain) {
            writePlain(s);
        } else if (a.allowSingleQuoted && !a.lineBreaks) {
            writeSingleQuoted(s);
        } else {
            writeDoubleQuoted(s);
        }
    }

    /** True when PyYAML's resolver reads the plain text back as a string. */
    static boolean resolvesToString(String s) {
        return !(BOOL.matcher(s).matches() || FLOAT.matcher(s).matches() || INT.matcher(s).matches()
                || NULL.matcher(s).matches() || TIMESTAMP.matcher(s).matches() || s.equals("<<") || s.equals("="));
    }

    private record Analysis(boolean allowBlockPlain, boolean allowSingleQuoted, boolean lineBreaks) {
    }

    /** PyYAML's {@code Emitter.analyze_scalar}, reduced to what a block mapping value needs. */
    private static Analysis analyze(String s) {
        if (s.isEmpty()) {
            return new Analysis(false, true, false);
        }
        int[] cps = s.codePoints().toArray();
        boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = cps.length == 1 || WHITESPACE_AFTER.indexOf(cps[1]) >= 0;
        for (int i = 0; i < cps.length; i++) {
            int ch = cps[i];
            if (i == 0) {
                if (FLOW_AND_BLOCK_FIRST.indexOf(ch) >= 0) {
                    blockIndicators = true;
                }
                if ((ch == '?' || ch == ':') && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (ch == '-' && followedByWhitespace) {
                    blockIndicators = true;
                }
            } else {
                if (ch == ':' && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (ch == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
            }
            if (BREAKS.indexOf(ch) >= 0) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                boolean printable = ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                        || (ch >= 0x10000 && ch < 0x10FFFF);
                if (!printable || ch == 0xFEFF) {
                    special = true;
                }
            }
            if (ch == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= i == cps.length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (BREAKS.indexOf(ch) >= 0) {
                leadingBreak |= i == 0;
                trailingBreak |= i == cps.length - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = WHITESPACE_AFTER.indexOf(ch) >= 0;
            followedByWhitespace = i + 2 >= cps.length || WHITESPACE_AFTER.indexOf(cps[i + 2]) >= 0;
        }
        boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak
                || special || lineBreaks || blockIndicators);
        boolean single = !(breakSpace || spaceBreak || special);
        return new Analysis(plain, single, lineBreaks);
    }

    /** PyYAML {@code write_plain}: a run of single spaces past column 80 becomes a line break + indent. */
    private void writePlain(String text) {
        write(" ");
        writeFolded(text, false);
    }

    private void writeSingleQuoted(String text) {
        write(" '");
        writeFolded(text, true);
        write("'");
    }

    private void writeFolded(String text, boolean quoted) {
        int[] cps = text.codePoints().toArray();
        int start = 0;
        boolean spaces = false;
        for (int end = 0; end <= cps.length; end++) {
            Integer ch = end < cps.length ? cps[end] : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    boolean edge = quoted && (start == 0 || end == cps.length);
                    if (start + 1 == end && column > BEST_WIDTH && !edge) {
                        out.append('\n').append(" ".repeat(INDENT));
                        column = INDENT;
                    } else {
                        write(new String(cps, start, end - start));
                    }
                    start = end;
                }
            } else if (ch == null || ch == ' ' || (quoted && ch == '\'')) {
                if (start < end) {
                    write(new String(cps, start, end - start));
                    start = end;
                }
            }
            if (quoted && ch != null && ch == '\'') {
                write("''");
                start = end + 1;
            }
            spaces = ch != null && ch == ' ';
        }
    }

    private void writeDoubleQuoted(String text) {
        StringBuilder sb = new StringBuilder(" \"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\0' -> sb.append("\\0");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case 0x85 -> sb.append("\\N");
                case 0x2028 -> sb.append("\\L");
                case 0x2029 -> sb.append("\\P");
                default -> {
                    if (cp < 0x20 || cp == 0x7F || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) {
                        sb.append(cp <= 0xFF ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        sb.append('"');
        write(sb.toString());
    }

    private void write(String s) {
        out.append(s);
        column += s.codePointCount(0, s.length());
    }
}
