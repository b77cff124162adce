package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves {@code extends} for one load: parses files, follows bases depth-first (at most
 * {@link ExperimentLoader#MAX_EXTENDS_DEPTH} levels, no cycles, inside the project root), merges
 * bases left to right and the including file over them. Mistakes are collected, not thrown.
 */
final class Inheritance {
    static final String EXTENDS = "extends";

    /** A tree with its sources. */
    record Resolved(ObjectNode tree, SourceMap sources) {
    }

    /** A conflict between two bases, with the {@code extends} entry of the file that listed them. */
    record PendingConflict(TreeMerger.Conflict conflict, Source extendsAt) {
    }

    private record ParsedFile(ObjectNode tree, SourceMap sources, List<Base> bases, Source extendsAt) {
    }

    private record Base(String path, Source source) {
    }

    private final ExperimentLoader loader;
    private final YamlTreeReader reader;
    private final List<ConfigError> errors;
    private final Map<Path, ParsedFile> parsed = new HashMap<>();
    private final Set<PendingConflict> conflicts = new LinkedHashSet<>();

    Inheritance(ExperimentLoader loader, YamlTreeReader reader, List<ConfigError> errors) {
        this.loader = loader;
        this.reader = reader;
        this.errors = errors;
    }

    /** The resolved tree of {@code file}, or null if the file itself could not be read. */
    Resolved resolve(Path file) {
        return resolve(file, List.of(file));
    }

    List<PendingConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    private Resolved resolve(Path file, List<Path> chain) {
        ParsedFile own = parse(file);
        if (own == null) {
            return null;
        }
        Resolved merged = null;
        List<TreeMerger.Conflict> found = new ArrayList<>();
        for (Base base : own.bases()) {
            Path basePath = locate(file, base);
            if (basePath == null) {
                continue;
            }
            if (chain.contains(basePath)) {
                errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(),
                        "extends cycle: " + chainText(chain, basePath) + ". Remove one of these extends entries"));
                continue;
            }
            if (chain.size() > ExperimentLoader.MAX_EXTENDS_DEPTH) {
                errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(),
                        "extends is nested more than " + ExperimentLoader.MAX_EXTENDS_DEPTH + " levels deep: "
                                + chainText(chain, basePath) + ". Flatten the chain, e.g. by listing several bases"
                                + " in one extends list"));
                continue;
            }
            List<Path> longer = new ArrayList<>(chain);
            longer.add(basePath);
            Resolved resolvedBase = resolve(basePath, longer);
            if (resolvedBase == null) {
                continue;
            }
            if (merged == null) {
                merged = resolvedBase;
            } else {
                TreeMerger.mergeSibling(merged.tree(), merged.sources(), resolvedBase.tree(), resolvedBase.sources(),
                        "", found);
            }
        }
        found.forEach(conflict -> conflicts.add(new PendingConflict(conflict, own.extendsAt())));
        if (merged == null) {
            merged = new Resolved(JsonNodeFactory.instance.objectNode(), new SourceMap());
        }
        TreeMerger.mergeOver(merged.tree(), merged.sources(), own.tree().deepCopy(), own.sources(), "",
                TreeMerger.SlotReset.REPLACE);
        merged.sources().put("", Source.FromFile.wholeFile(loader.display(file)));
        return merged;
    }

    private String chainText(List<Path> chain, Path next) {
        return Stream.concat(chain.stream(), Stream.of(next)).map(loader::display).collect(Collectors.joining(" -> "));
    }

    private Path locate(Path includingFile, Base base) {
        String value = base.path();
        if (value.isBlank() || value.contains("://")) {
            errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(), "\"" + value
                    + "\" is not a file path; extends takes YAML file paths relative to the including file"));
            return null;
        }
        Path resolved;
        try {
            resolved = includingFile.getParent().resolve(value).normalize();
        } catch (InvalidPathException e) {
            errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(),
                    "\"" + value + "\" is not a valid file path: " + e.getReason()));
            return null;
        }
        if (!loader.isInsideRoot(resolved)) {
            errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(), "\"" + value + "\" resolves to "
                    + resolved + ", outside the project root " + loader.projectRoot()
                    + "; bases must live inside the project (configs/, experiments/)"));
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            String hint = siblings(resolved).isEmpty() ? ""
                    : ConfigErrors.didYouMeanSentence(resolved.getFileName().toString(), siblings(resolved));
            errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, base.source(),
                    "base file " + loader.display(resolved) + " does not exist (\"" + value
                            + "\" is relative to the including file)." + hint));
            return null;
        }
        return resolved;
    }

    private static List<String> siblings(Path missing) {
        Path dir = missing.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private ParsedFile parse(Path file) {
        if (parsed.containsKey(file)) {
            return parsed.get(file);
        }
        ParsedFile result = read(file);
        parsed.put(file, result);
        return result;
    }

    private ParsedFile read(Path file) {
        String display = loader.display(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(new ConfigError(ConfigErrors.FILE, "", Source.FromFile.wholeFile(display),
                    "cannot read the file: " + e.getMessage()));
            return null;
        }
        YamlTreeReader.Parsed yaml = reader.read(text, "",
                at -> new Source.FromFile(display, at.line(), at.column()), errors);
        if (yaml.root() == null) {
            return null;
        }
        ObjectNode tree;
        if (yaml.root().isObject()) {
            tree = (ObjectNode) yaml.root();
        } else if (yaml.root().isNull()) {
            tree = JsonNodeFactory.instance.objectNode();
        } else {
            errors.add(new ConfigError(ConfigErrors.YAML, "", Source.FromFile.wholeFile(display),
                    "the top level of a config file must be a map of keys (seed:, model:, ...), not a "
                            + Overrides.describeType(yaml.root())));
            return null;
        }
        SourceMap sources = new SourceMap();
        yaml.positions().forEach((path, at) -> sources.put(path, new Source.FromFile(display, at.line(), at.column())));
        sources.put("", Source.FromFile.wholeFile(display));
        Source extendsAt = sources.get(EXTENDS).orElse(Source.FromFile.wholeFile(display));
        List<Base> bases = bases(tree.remove(EXTENDS), sources);
        sources.removeUnder(EXTENDS);
        return new ParsedFile(tree, sources, bases, extendsAt);
    }

    private List<Base> bases(JsonNode value, SourceMap sources) {
        List<Base> bases = new ArrayList<>();
        if (value == null || value.isNull()) {
            return bases;
        }
        if (value.isTextual()) {
            bases.add(new Base(value.asText(), sources.get(EXTENDS).orElse(null)));
        } else if (value.isArray()) {
            ArrayNode list = (ArrayNode) value;
            for (int i = 0; i < list.size(); i++) {
                Source at = sources.get(KeyPath.index(EXTENDS, i)).orElse(null);
                if (list.get(i).isTextual()) {
                    bases.add(new Base(list.get(i).asText(), at));
                } else {
                    errors.add(new ConfigError(ConfigErrors.EXTENDS, KeyPath.index(EXTENDS, i), at,
                            "expected a file path, got " + Overrides.describeType(list.get(i))));
                }
            }
        } else {
            errors.add(new ConfigError(ConfigErrors.EXTENDS, EXTENDS, sources.get(EXTENDS).orElse(null),
                    "extends must be a file path or a list of file paths, e.g. extends: [../configs/models/m.yaml],"
                            + " not a " + Overrides.describeType(value)));
        }
        return bases;
    }
}
