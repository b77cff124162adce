/** Evaluation metrics, accumulated over a whole dataset. */
package io.ovrsis.api.eval;
