package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Writes a resolved experiment back as block-style YAML. {@link #print(LoadedExperiment)} adds the
 * origin of every value as a trailing comment ({@code # configs/models/m.yaml:3}, {@code # --set #2})
 * and a comment above every slot that was replaced because its {@code component} changed.
 *
 * <p>Only what the files and overrides set is printed: keys left out take the component's
 * {@code defaultConfig()} or the platform defaults at binding time, and are not shown (the
 * loaded tree does not know the plugins). The output reads back to the same tree.
 */
public final class ConfigPrinter {
    private static final int MAX_COMMENT_COLUMN = 56;

    private record Line(int indent, String text, String comment) {
        int width() {
            return indent + text.length();
        }
    }

    private ConfigPrinter() {
    }

    /** The resolved YAML with provenance comments. */
    public static String print(LoadedExperiment experiment) {
        SourceMap sources = experiment.sources();
        List<Line> lines = new ArrayList<>();
        String file = sources.get("").map(Source::brief).orElse(String.valueOf(experiment.file()));
        lines.add(new Line(0, "# " + file + ", resolved. Each value shows where it was set; keys not shown", null));
        lines.add(new Line(0, "# take the defaults of their component or of the platform.", null));
        emitMap(experiment.tree(), "", 0, sources, lines);
        return render(lines);
    }

    /** The YAML of a tree, without comments (for {@code config.resolved.yaml}). */
    public static String print(ObjectNode tree) {
        List<Line> lines = new ArrayList<>();
        emitMap(tree, "", 0, null, lines);
        return render(lines);
    }

    private static void emitMap(ObjectNode map, String path, int indent, SourceMap sources, List<Line> lines) {
        for (Map.Entry<String, JsonNode> field : map.properties()) {
            String childPath = KeyPath.child(path, field.getKey());
            emitNote(childPath, indent, sources, lines);
            String key = YamlScalars.key(field.getKey()) + ":";
            JsonNode value = field.getValue();
            if (isBlock(value)) {
                lines.add(new Line(indent, key, comment(childPath, sources)));
                emitBlock(value, childPath, indent + 2, sources, lines);
            } else {
                lines.add(new Line(indent, key + " " + inline(value), comment(childPath, sources)));
            }
        }
    }

    private static void emitList(ArrayNode list, String path, int indent, SourceMap sources, List<Line> lines) {
        for (int i = 0; i < list.size(); i++) {
            String itemPath = KeyPath.index(path, i);
            emitNote(itemPath, indent, sources, lines);
            JsonNode item = list.get(i);
            if (item instanceof ObjectNode map && !map.isEmpty()) {
                List<Line> nested = new ArrayList<>();
                emitMap(map, itemPath, indent + 2, sources, nested);
                int first = 0;
                while (nested.get(first).text().startsWith("#")) {
                    lines.add(nested.get(first++));
                }
                Line head = nested.get(first);
                lines.add(new Line(indent, "- " + head.text(), head.comment()));
                lines.addAll(nested.subList(first + 1, nested.size()));
            } else {
                lines.add(new Line(indent, "- " + inline(item), comment(itemPath, sources)));
            }
        }
    }

    private static void emitBlock(JsonNode value, String path, int indent, SourceMap sources, List<Line> lines) {
        if (value instanceof ObjectNode map) {
            emitMap(map, path, indent, sources, lines);
        } else {
            emitList((ArrayNode) value, path, indent, sources, lines);
        }
    }

    /** Non-empty maps, and lists holding maps or lists, are written as blocks; the rest inline. */
    private static boolean isBlock(JsonNode value) {
        if (value instanceof ObjectNode map) {
            return !map.isEmpty();
        }
        return value instanceof ArrayNode list
                && StreamSupport.stream(list.spliterator(), false).anyMatch(JsonNode::isContainerNode);
    }

    private static String inline(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isContainerNode() ? YamlScalars.flow(item) : YamlScalars.scalar(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return YamlScalars.scalar(value);
    }

    private static void emitNote(String path, int indent, SourceMap sources, List<Line> lines) {
        if (sources != null && sources.notes().containsKey(path)) {
            lines.add(new Line(indent, "# " + sources.notes().get(path), null));
        }
    }

    private static String comment(String path, SourceMap sources) {
        return sources == null ? null : sources.get(path).map(Source::brief).orElse(null);
    }

    private static String render(List<Line> lines) {
        int column = Math.min(MAX_COMMENT_COLUMN, lines.stream().filter(l -> l.comment() != null)
                .mapToInt(Line::width).max().orElse(0));
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(" ".repeat(line.indent())).append(line.text());
            if (line.comment() != null) {
                out.append(" ".repeat(Math.max(column - line.width(), 0) + 2)).append("# ").append(line.comment());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
