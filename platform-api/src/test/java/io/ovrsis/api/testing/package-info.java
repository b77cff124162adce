/**
 * Shared test helpers for plugins and the runtime, published as the platform-api test-jar:
 * building a plugin into a temporary PF4J jar and loading it, and tensor comparisons.
 */
package io.ovrsis.api.testing;
