package io.ovrsis.api.model;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code model.fusion}. */
public interface FusionHeadFactory<C> extends ComponentFactory<C, FusionHead> {
}
