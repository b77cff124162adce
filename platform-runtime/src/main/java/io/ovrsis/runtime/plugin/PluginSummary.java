package io.ovrsis.runtime.plugin;

import java.nio.file.Path;

/** One plugin as {@code ovrsis plugins} shows it. */
public record PluginSummary(String id, String version, String state, Path path, String description) {
}
