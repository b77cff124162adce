/**
 * The composed model: {@link io.ovrsis.runtime.model.OpenVocabSegmentor} wires the slot components
 * (image encoders → text encoder → cost aggregator → fusion head → decoder), and the parameter
 * counter behind {@code ovrsis params}.
 */
package io.ovrsis.runtime.model;
