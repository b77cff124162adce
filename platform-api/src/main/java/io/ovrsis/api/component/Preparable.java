package io.ovrsis.api.component;

/**
 * A component with a step between build and use: loading pretrained weights, applying freezing
 * rules, or generating / checking files on disk. Called once, after every component was built and
 * randomly initialised, before training or evaluation.
 */
public interface Preparable {
    default void prepare(PrepareContext context) {
    }
}
