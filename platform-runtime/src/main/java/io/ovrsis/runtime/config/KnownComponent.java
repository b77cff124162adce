package io.ovrsis.runtime.config;

/**
 * A component id offered for a slot, with the plugin that provides it (for "Known: ..." lists).
 *
 * @param id the component id ({@code clip-vit-b16})
 * @param pluginId the providing plugin ({@code backbone-clip})
 * @param pluginVersion its version ({@code 0.3.0})
 */
public record KnownComponent(String id, String pluginId, String pluginVersion) {
}
