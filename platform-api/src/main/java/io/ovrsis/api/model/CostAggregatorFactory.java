package io.ovrsis.api.model;

import io.ovrsis.api.component.ComponentFactory;

/** Slot {@code model.aggregator}. */
public interface CostAggregatorFactory<C> extends ComponentFactory<C, CostAggregator> {
}
