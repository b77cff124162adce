/**
 * PF4J discovery: the plugin manager (development mode from the source tree, deployment mode from
 * jars/zips), the parent-first class loader for host APIs, and the catalog of component factories
 * per slot, with loud errors for empty slots and duplicate ids.
 */
package io.ovrsis.runtime.plugin;
