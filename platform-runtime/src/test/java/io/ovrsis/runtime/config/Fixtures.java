package io.ovrsis.runtime.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The YAML fixtures under {@code src/test/resources/config}, which is the project root in tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/config").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoadedExperiment load(String file, String... overrides) {
        return new ExperimentLoader(root()).load(root().resolve(file), List.of(overrides));
    }

    static ConfigException loadFails(String file, String... overrides) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> load(file, overrides));
        if (failure == null) {
            throw new AssertionError(file + " was expected to fail to load, but it loaded");
        }
        return failure;
    }

    /** "code location keyPath: message" lines, one per error, for compact assertions. */
    static List<String> lines(ConfigException failure) {
        return failure.errors().stream().map(ConfigError::toString).toList();
    }

    static String source(LoadedExperiment experiment, String keyPath) {
        return experiment.sources().get(keyPath).map(Source::describe).orElse("<none>");
    }
}
