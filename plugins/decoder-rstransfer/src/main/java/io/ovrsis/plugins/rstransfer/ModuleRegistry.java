package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.nn.TensorModule;

/** Something child modules can be registered on under a PyTorch attribute name. */
interface ModuleRegistry {
    <M extends TensorModule> M add(String name, M module);
}
