package io.ovrsis.api.eval;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code eval.metrics}. */
public interface MetricFactory<C> extends ComponentFactory<C, Metric> {
}
