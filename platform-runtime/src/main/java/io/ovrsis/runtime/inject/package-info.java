/**
 * Guice composition. {@link io.ovrsis.runtime.inject.CatalogModule} puts every discovered factory
 * into one {@code MapBinder} per slot (instances, so Guice never loads plugin classes itself);
 * {@link io.ovrsis.runtime.inject.ExperimentModule} provides the experiment's components by calling
 * the chosen factories with their validated configs. Modules do no I/O: factories only build, and
 * weights are loaded later by {@code prepare()}.
 */
package io.ovrsis.runtime.inject;
