package io.ovrsis.runtime.config;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;

/**
 * One slot of the experiment after binding: the factory found by {@code component} and its
 * validated config record (the factory's defaults with the user's keys on top).
 *
 * @param slot the extension point
 * @param keyPath where the slot is in the YAML ({@code model.fusion}, {@code eval.datasets[0]})
 * @param id the component id ({@code rsfusion})
 * @param factory the factory that builds it
 * @param config an instance of {@code factory.configType()}
 */
public record BoundComponent(Slot slot, String keyPath, String id, ComponentFactory<?, ?> factory, Object config) {

    /** The config record, typed; fails if the factory's config type is not {@code type}. */
    public <C> C config(Class<C> type) {
        return type.cast(config);
    }

    /** Lets a factory build this component with its typed config. */
    @SuppressWarnings("unchecked")
    public <T> T create(BuildContext context) {
        ComponentFactory<Object, T> typed = (ComponentFactory<Object, T>) factory;
        return typed.create(config, context);
    }
}
