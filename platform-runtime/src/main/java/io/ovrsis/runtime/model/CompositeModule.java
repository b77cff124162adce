package io.ovrsis.runtime.model;

import io.ovrsis.api.nn.TensorModule;

/** A module whose children are added by name from outside (the model tree of an experiment). */
public final class CompositeModule extends TensorModule {
    public CompositeModule add(String name, TensorModule module) {
        child(name, module);
        return this;
    }
}
