package io.ovrsis.api.model;

import io.ovrsis.api.component.Preparable;
import io.ovrsis.api.nn.TensorModule;

/** A component that owns parameters: its module tree uses the original PyTorch names. */
public interface ModelComponent extends Preparable {
    TensorModule module();
}
