/**
 * Evaluation as the authors' test path (method.md §8): shortest-edge resize, normalisation, padding,
 * squash per encoder, sigmoid, bilinear to the original size, argmax; metrics accumulated over the
 * whole dataset; text embeddings computed once per vocabulary.
 */
package io.ovrsis.runtime.eval;
