package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Flattens a resolved config into run parameters for MLflow: dotted keys
 * ({@code model.fusion.layers}) to string values, sorted by key.
 *
 * <ul>
 *   <li>Lists of plain values become one value, {@code [0, 90]}; lists holding maps are expanded
 *       by index ({@code eval.datasets.0.component}), since MLflow keys may not contain brackets.</li>
 *   <li>Numbers are written as in YAML ({@code 2.0e-4}); null as {@code null}; empty maps as {@code {}}.</li>
 *   <li>Key characters outside {@code [A-Za-z0-9_./ -]} become {@code _}; keys longer than
 *       {@value #MAX_KEY_LENGTH} characters are cut and end with a hash of the full key.</li>
 *   <li>Values longer than {@value #MAX_VALUE_LENGTH} characters are cut and end with
 *       {@value #TRUNCATION_MARKER}.</li>
 * </ul>
 */
public final class ConfigFlattener {
    public static final int MAX_KEY_LENGTH = 250;
    public static final int MAX_VALUE_LENGTH = 6000;
    public static final String TRUNCATION_MARKER = "...[truncated]";

    private ConfigFlattener() {
    }

    public static SortedMap<String, String> flatten(ObjectNode tree) {
        SortedMap<String, String> params = new TreeMap<>();
        walk(tree, "", params);
        return params;
    }

    private static void walk(JsonNode node, String key, SortedMap<String, String> params) {
        if (node.isObject()) {
            if (node.isEmpty() && !key.isEmpty()) {
                put(params, key, "{}");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), key.isEmpty() ? field.getKey() : key + "." + field.getKey(), params);
            }
        } else if (node.isArray() && hasContainers(node)) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), key + "." + i, params);
            }
        } else {
            put(params, key, YamlScalars.plain(node));
        }
    }

    private static boolean hasContainers(JsonNode list) {
        for (JsonNode item : list) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static void put(SortedMap<String, String> params, String rawKey, String value) {
        String key = key(rawKey);
        String unique = key;
        for (int n = 2; params.containsKey(unique); n++) {
            unique = key(rawKey + "_" + n);
        }
        params.put(unique, truncate(value));
    }

    static String key(String raw) {
        String key = raw.replaceAll("[^A-Za-z0-9_./ -]", "_");
        while (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        CRC32 crc = new CRC32();
        crc.update(raw.getBytes(StandardCharsets.UTF_8));
        String hash = String.format("%08x", crc.getValue());
        return key.substring(0, MAX_KEY_LENGTH - hash.length() - 1) + "-" + hash;
    }

    static String truncate(String value) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        int cut = MAX_VALUE_LENGTH - TRUNCATION_MARKER.length();
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + TRUNCATION_MARKER;
    }
}
