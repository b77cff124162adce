/**
 * {@code ovrsis bench}: times the real inference path ({@link io.ovrsis.runtime.eval.Predictor} and
 * the model's own stages, observed through {@link io.ovrsis.runtime.model.StageObserver}) per
 * component, with the process's memory per repeat, and compares with the targets of method.md §14.10.
 */
package io.ovrsis.runtime.bench;
