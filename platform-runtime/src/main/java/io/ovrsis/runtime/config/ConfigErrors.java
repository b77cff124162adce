package io.ovrsis.runtime.config;

import io.ovrsis.api.component.ComponentException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Error codes of the config system and helpers to build {@link ConfigError}s that point at the
 * line a value came from.
 */
public final class ConfigErrors {
    /** A config file cannot be read, does not exist, or lies outside the project. */
    public static final String FILE = "OVRSIS-CONFIG-FILE";
    /** YAML syntax, more than one document, unsupported tags, a top level that is not a map. */
    public static final String YAML = "OVRSIS-CONFIG-YAML";
    /** YAML anchors, aliases and merge keys ({@code <<}): use {@code extends}. */
    public static final String YAML_ANCHOR = "OVRSIS-CONFIG-YAML-ANCHOR";
    /** The same key twice in one map. */
    public static final String DUPLICATE_KEY = "OVRSIS-CONFIG-DUPLICATE-KEY";
    /** A bad {@code extends} value, a missing base, a cycle or more than 3 levels. */
    public static final String EXTENDS = "OVRSIS-CONFIG-EXTENDS";
    /** The same leaf set differently by two bases of one file. */
    public static final String BASE_CONFLICT = "OVRSIS-CONFIG-BASE-CONFLICT";
    /** A malformed or inapplicable {@code --set} argument. */
    public static final String OVERRIDE = "OVRSIS-CONFIG-OVERRIDE";
    /** A required key is missing. */
    public static final String MISSING = "OVRSIS-CONFIG-MISSING";
    /** A key that the block or the component's config record does not have. */
    public static final String UNKNOWN_KEY = "OVRSIS-CONFIG-UNKNOWN-KEY";
    /** A {@code component} id that no plugin provides for the slot. */
    public static final String UNKNOWN_COMPONENT = "OVRSIS-CONFIG-UNKNOWN-COMPONENT";
    /** A value of the wrong type. */
    public static final String TYPE = "OVRSIS-CONFIG-TYPE";
    /** A value that breaks a validation constraint. */
    public static final String CONSTRAINT = "OVRSIS-CONFIG-CONSTRAINT";
    /** A plugin whose default config cannot be turned into a tree (a plugin bug). */
    public static final String PLUGIN_CONFIG = "OVRSIS-PLUGIN-CONFIG";

    private ConfigErrors() {
    }

    /**
     * Turns a {@link ComponentException} thrown while composing components into a located error:
     * its key path is looked up in the experiment's source map (a key that only exists through
     * defaults points at its slot's {@code component:} line); when nothing matches, the
     * experiment file itself is the location (the source map's root entry).
     */
    public static ConfigError fromComponentException(ComponentException exception, LoadedExperiment experiment) {
        return fromComponentException(exception, experiment.sources());
    }

    /** {@link #fromComponentException(ComponentException, LoadedExperiment)} with only the source map. */
    public static ConfigError fromComponentException(ComponentException exception, SourceMap sources) {
        String keyPath = exception.keyPath() == null ? "" : exception.keyPath();
        Source source = sources.locate(keyPath).orElse(null);
        return new ConfigError(exception.code(), keyPath, source, exception.getMessage());
    }

    /** {@link #fromComponentException} wrapped in a {@link ConfigException}. */
    public static ConfigException toConfigException(ComponentException exception, LoadedExperiment experiment) {
        return new ConfigException(fromComponentException(exception, experiment));
    }

    /**
     * The candidate closest to {@code wrong} by edit distance (case-insensitive), if it is close
     * enough to be a likely typo: at most 1 edit for short words, up to 3 for long ones.
     */
    public static Optional<String> didYouMean(String wrong, Collection<String> candidates) {
        String needle = wrong.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, needle.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > allowed || best.equals(wrong)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** " Did you mean "x"?" or an empty string. */
    static String didYouMeanSentence(String wrong, Collection<String> candidates) {
        return didYouMean(wrong, candidates).map(best -> " Did you mean \"" + best + "\"?").orElse("");
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
