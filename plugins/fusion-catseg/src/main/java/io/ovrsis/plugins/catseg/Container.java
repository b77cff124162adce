package io.ovrsis.plugins.catseg;

import io.ovrsis.api.nn.TensorModule;

/** A module that only names children, like {@code nn.Sequential} / {@code nn.ModuleList}. */
final class Container extends TensorModule {

    <M extends TensorModule> M add(String name, M module) {
        return child(name, module);
    }
}
