/**
 * One experiment from file to finished run: load and validate the YAML, compose the components with
 * Guice, initialise and prepare them (weights, data), then train, evaluate and track. Build, load
 * weights and train stay separate steps.
 */
package io.ovrsis.runtime.run;
