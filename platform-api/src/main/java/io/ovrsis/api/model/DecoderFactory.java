package io.ovrsis.api.model;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code model.decoder}. */
public interface DecoderFactory<C> extends ComponentFactory<C, Decoder> {
}
