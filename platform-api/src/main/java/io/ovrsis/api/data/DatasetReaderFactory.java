package io.ovrsis.api.data;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code data.train} and each entry of {@code eval.datasets}. */
public interface DatasetReaderFactory<C> extends ComponentFactory<C, DatasetReader> {
}
