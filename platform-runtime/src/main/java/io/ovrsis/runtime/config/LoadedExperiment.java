package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * An experiment after {@code extends} and {@code --set} were applied, before typed binding.
 *
 * @param file the experiment file that was loaded (absolute, normalized)
 * @param tree the resolved YAML tree, without {@code extends}
 * @param sources where every value of {@code tree} came from
 */
public record LoadedExperiment(Path file, ObjectNode tree, SourceMap sources) {
}
