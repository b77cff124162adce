package io.ovrsis.api.track;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code tracking}. */
public interface RunTrackerFactory<C> extends ComponentFactory<C, RunTracker> {
}
