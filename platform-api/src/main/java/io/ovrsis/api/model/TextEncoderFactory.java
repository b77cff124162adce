package io.ovrsis.api.model;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code model.textEncoder}. */
public interface TextEncoderFactory<C> extends ComponentFactory<C, TextEncoder> {
}
