package io.ovrsis.api.model;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code model.imageEncoder} and {@code model.auxEncoders.<name>}. */
public interface ImageEncoderFactory<C> extends ComponentFactory<C, ImageEncoder> {
}
