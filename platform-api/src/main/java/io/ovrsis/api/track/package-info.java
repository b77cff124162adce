/** Run tracking: one backend interface; MLflow is the shipped implementation. */
package io.ovrsis.api.track;
