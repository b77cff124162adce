package io.ovrsis.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a Jackson tree with the 1-based line and column of every value,
 * keyed by relative dotted path ({@code ""} is the root). Refuses what the config system does not
 * support: duplicate keys, anchors, aliases, merge keys ({@code <<}), tags other than
 * {@code !!str}, and more than one document. All such mistakes in a document are collected.
 */
final class YamlTreeReader {
    private static final String STR_TAG = "tag:yaml.org,2002:str";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    /** The tree (null after a syntax error) and the position of every value. */
    record Parsed(JsonNode root, Map<String, Position> positions) {
    }

    private final YAMLFactory factory = ConfigMappers.yamlFactory();

    /**
     * Parses {@code text}. Mistakes are added to {@code errors}, located through {@code sourceOf}
     * and with key paths prefixed by {@code pathPrefix}.
     */
    Parsed read(String text, String pathPrefix, Function<Position, Source> sourceOf, List<ConfigError> errors) {
        Run run = new Run(text, pathPrefix, sourceOf, errors);
        try (YAMLParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                run.positions.put("", new Position(1, 1));
                return new Parsed(NODES.nullNode(), run.positions);
            }
            JsonNode root = run.value(parser, first, "", null);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                run.error(ConfigErrors.YAML, "", position(parser.currentTokenLocation()),
                        "only one YAML document is allowed per file; remove the second '---' document");
            }
            return new Parsed(root, run.positions);
        } catch (JsonProcessingException e) {
            run.syntaxError(e);
            return new Parsed(null, run.positions);
        } catch (IOException e) {
            errors.add(new ConfigError(ConfigErrors.FILE, pathPrefix, sourceOf.apply(new Position(0, 0)),
                    "cannot read YAML: " + e.getMessage()));
            return new Parsed(null, run.positions);
        }
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    /** State of one parse. */
    private static final class Run {
        private final String[] lines;
        private final String prefix;
        private final Function<Position, Source> sourceOf;
        private final List<ConfigError> errors;
        private final Map<String, Position> positions = new LinkedHashMap<>();

        Run(String text, String prefix, Function<Position, Source> sourceOf, List<ConfigError> errors) {
            this.lines = text.split("\r\n|\r|\n", -1);
            this.prefix = prefix;
            this.sourceOf = sourceOf;
            this.errors = errors;
        }

        JsonNode value(YAMLParser parser, JsonToken token, String path, Position keyPosition) throws IOException {
            Position at = position(parser.currentTokenLocation());
            checkAnchorsAndTags(parser, token, path, at);
            switch (token) {
                case START_OBJECT:
                    positions.put(path, keyPosition != null ? keyPosition : at);
                    return object(parser, path);
                case START_ARRAY:
                    positions.put(path, keyPosition != null ? keyPosition : at);
                    return array(parser, path);
                default:
                    positions.put(path, at);
                    return scalar(parser, token, path, at);
            }
        }

        private ObjectNode object(YAMLParser parser, String path) throws IOException {
            ObjectNode node = NODES.objectNode();
            Map<String, Position> seen = new HashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                Position keyAt = position(parser.currentTokenLocation());
                String childPath = KeyPath.child(path, key);
                if ("<<".equals(key)) {
                    error(ConfigErrors.YAML_ANCHOR, path, keyAt, "YAML merge keys (<<) are not supported;"
                            + " put the shared settings in a file and inherit them with extends: [that-file.yaml]");
                }
                JsonNode value = value(parser, parser.nextToken(), childPath, keyAt);
                Position earlier = seen.putIfAbsent(key, keyAt);
                if (earlier != null) {
                    error(ConfigErrors.DUPLICATE_KEY, childPath, keyAt, "duplicate key \"" + key
                            + "\"; it is already set at line " + earlier.line() + ". Keep only one of them");
                } else {
                    node.set(key, value);
                }
            }
            return node;
        }

        private ArrayNode array(YAMLParser parser, String path) throws IOException {
            ArrayNode node = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                node.add(value(parser, token, KeyPath.index(path, node.size()), null));
            }
            return node;
        }

        private JsonNode scalar(YAMLParser parser, JsonToken token, String path, Position at) throws IOException {
            switch (token) {
                case VALUE_NULL:
                    return NODES.nullNode();
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NUMBER_INT:
                    return switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(floatValue(parser));
                case VALUE_STRING:
                    if (parser.isCurrentAlias()) {
                        error(ConfigErrors.YAML_ANCHOR, path, at, "YAML aliases (*" + parser.getText()
                                + ") are not supported; share settings between files with extends instead");
                        return NODES.nullNode();
                    }
                    String text = parser.getText();
                    if (text.isEmpty() && !isQuotedAt(at)) {
                        return NODES.nullNode();
                    }
                    return NODES.textNode(text);
                default:
                    error(ConfigErrors.YAML, path, at, "unsupported YAML value (" + token + ")");
                    return NODES.nullNode();
            }
        }

        private static double floatValue(YAMLParser parser) throws IOException {
            String text = parser.getText().toLowerCase(Locale.ROOT);
            if (text.endsWith(".inf")) {
                return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (text.endsWith(".nan")) {
                return Double.NaN;
            }
            return parser.getDoubleValue();
        }

        private void checkAnchorsAndTags(YAMLParser parser, JsonToken token, String path, Position at)
                throws IOException {
            Object anchor = parser.getObjectId();
            if (anchor != null) {
                error(ConfigErrors.YAML_ANCHOR, path, at, "YAML anchors (&" + anchor
                        + ") are not supported; share settings between files with extends instead");
            }
            String tag = parser.getTypeId();
            if (tag != null && !tag.equals(STR_TAG) && !tag.equals("!!str") && !tag.equals("!")) {
                error(ConfigErrors.YAML, path, at, "YAML tags (" + tag + ") are not supported; write plain values");
            }
        }

        /** Whether the scalar starting at this position is quoted (an empty "" stays a string). */
        private boolean isQuotedAt(Position at) {
            if (at.line() < 1 || at.line() > lines.length) {
                return false;
            }
            String line = lines[at.line() - 1];
            try {
                int offset = line.offsetByCodePoints(0, Math.max(at.column() - 1, 0));
                return offset < line.length() && (line.charAt(offset) == '"' || line.charAt(offset) == '\'');
            } catch (IndexOutOfBoundsException e) {
                return false;
            }
        }

        void syntaxError(JsonProcessingException e) {
            Position at = position(e.getLocation() == null ? JsonLocation.NA : e.getLocation());
            String message = e.getOriginalMessage();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MarkedYAMLException marked) {
                    Mark problem = marked.getProblemMark();
                    if (problem != null) {
                        at = new Position(problem.getLine() + 1, problem.getColumn() + 1);
                    }
                    message = describe(marked);
                    break;
                }
            }
            error(ConfigErrors.YAML, "", at, "YAML syntax error: " + message);
        }

        private static String describe(MarkedYAMLException marked) {
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            if (marked.getContext() == null) {
                return problem;
            }
            Mark context = marked.getContextMark();
            return problem + " (" + marked.getContext()
                    + (context == null ? "" : " that starts at line " + (context.getLine() + 1)
                            + ", column " + (context.getColumn() + 1)) + ")";
        }

        void error(String code, String path, Position at, String message) {
            errors.add(new ConfigError(code, KeyPath.join(prefix, path), sourceOf.apply(at), message));
        }
    }
}
