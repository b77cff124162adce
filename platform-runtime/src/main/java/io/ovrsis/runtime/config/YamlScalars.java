package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** How config values are written back as text: YAML scalars, flow values for messages, params. */
final class YamlScalars {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+()-]+)*");
    private static final Set<String> RESERVED = Set.of("null", "~", "true", "false", "yes", "no", "on", "off",
            "y", "n", "nan", "inf", "infinity");

    private YamlScalars() {
    }

    /** A scalar as YAML that reads back to the same value: strings are quoted when needed. */
    static String scalar(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return needsQuotes(text) ? quote(text) : text;
        }
        return plain(node);
    }

    /** A value in YAML flow style, strings always quoted: {@code "abc"}, {@code [0, 90]}, {@code {a: 1}}. */
    static String flow(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return quote(node.asText());
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(flow(node.get(i)));
            }
            return out.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(out.length() == 1 ? "" : ", ").append(key(field.getKey())).append(": ")
                        .append(flow(field.getValue()));
            }
            return out.append('}').toString();
        }
        return plain(node);
    }

    /** A map key as YAML. */
    static String key(String key) {
        return needsQuotes(key) ? quote(key) : key;
    }

    /**
     * A value as plain text for run params: strings unquoted, numbers in YAML form
     * ({@code 2.0e-4}), lists of scalars as {@code [a, b]}, maps as flow maps.
     */
    static String plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isFloatingPointNumber()) {
            return number(node.doubleValue());
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(node.get(i).isContainerNode() ? flow(node.get(i)) : plain(node.get(i)));
            }
            return out.append(']').toString();
        }
        if (node.isObject()) {
            return flow(node);
        }
        return node.asText();
    }

    /** A double that YAML 1.1 and 1.2 readers both parse as a float: {@code 0.5}, {@code 2.0e-4}, {@code 1.0e+20}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        String power = text.substring(exponent + 1);
        return mantissa + "e" + (power.startsWith("-") ? power : "+" + power);
    }

    static boolean needsQuotes(String text) {
        return !PLAIN.matcher(text).matches() || RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** A YAML double-quoted string. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
