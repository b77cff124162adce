package io.ovrsis.runtime.plugin;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;

/** A discovered factory with the plugin that contributed it. */
public record RegisteredComponent(Slot slot, String id, ComponentFactory<?, ?> factory,
                                  String pluginId, String pluginVersion) {
    public String describe() {
        return id + " [" + pluginId + " " + pluginVersion + "]";
    }
}
