package io.ovrsis.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an experiment YAML file: parses it with positions, resolves {@code extends}, applies
 * {@code --set} overrides, and returns the resolved tree with a {@link SourceMap}. The rules are
 * listed in the package documentation. Every mistake found is reported in one
 * {@link ConfigException}.
 *
 * <p>Paths in messages are shown relative to the project root.
 */
public final class ExperimentLoader {
    /** How many levels of {@code extends} are allowed below the experiment file. */
    public static final int MAX_EXTENDS_DEPTH = 3;

    private final Path projectRoot;
    private final YamlTreeReader reader = new YamlTreeReader();

    public ExperimentLoader(Path projectRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** Loads an experiment without overrides. */
    public LoadedExperiment load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads an experiment and applies {@code overrides} ({@code key.path=value}) in order.
     *
     * @throws ConfigException with every mistake found in the files and overrides
     */
    public LoadedExperiment load(Path file, List<String> overrides) {
        Path experimentFile = file.toAbsolutePath().normalize();
        List<ConfigError> errors = new ArrayList<>();
        if (!Files.isRegularFile(experimentFile)) {
            throw new ConfigException(new ConfigError(ConfigErrors.FILE, "",
                    Source.FromFile.wholeFile(display(experimentFile)), "the experiment file does not exist"));
        }
        Inheritance inheritance = new Inheritance(this, reader, errors);
        Inheritance.Resolved resolved = inheritance.resolve(experimentFile);
        if (resolved == null) {
            throw new ConfigException(errors);
        }
        for (int i = 0; i < overrides.size(); i++) {
            Overrides.SetArgument override = Overrides.parse(i + 1, overrides.get(i), reader, errors);
            if (override != null) {
                Overrides.apply(override, resolved.tree(), resolved.sources(), errors);
            }
        }
        for (Inheritance.PendingConflict pending : inheritance.conflicts()) {
            TreeMerger.Conflict conflict = pending.conflict();
            boolean stillInherited = resolved.sources().get(conflict.keyPath())
                    .map(source -> source.equals(conflict.first())).orElse(false);
            if (stillInherited) {
                errors.add(conflictError(conflict, pending.extendsAt()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new LoadedExperiment(experimentFile, resolved.tree(), resolved.sources());
    }

    private static ConfigError conflictError(TreeMerger.Conflict conflict, Source extendsAt) {
        String including = extendsAt instanceof Source.FromFile file ? file.file() : "the including file";
        return new ConfigError(ConfigErrors.BASE_CONFLICT, conflict.keyPath(), extendsAt,
                "set by two bases: " + describe(conflict.first()) + " (" + YamlScalars.flow(conflict.firstValue())
                        + ") and " + describe(conflict.second()) + " (" + YamlScalars.flow(conflict.secondValue())
                        + "). Set it in " + including + " to choose, or remove it from one of the bases");
    }

    private static String describe(Source source) {
        return source == null ? "?" : source.describe();
    }

    /** A path as shown in messages: relative to the project root when inside it, with '/'. */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(projectRoot)) {
            return projectRoot.relativize(absolute).toString().replace('\\', '/');
        }
        return absolute.toString();
    }

    /** Whether a normalized path (and, if it exists, its real path) lies inside the project root. */
    boolean isInsideRoot(Path path) {
        if (!path.startsWith(projectRoot)) {
            return false;
        }
        if (!Files.exists(path)) {
            return true;
        }
        try {
            return path.toRealPath().startsWith(projectRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
