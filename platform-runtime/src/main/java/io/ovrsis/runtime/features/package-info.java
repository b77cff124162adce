/**
 * {@code ovrsis features}: runs one image encoder (and its text tower) on one image as the
 * authors' test path feeds it, and writes the feature maps and text embeddings as NumPy files;
 * repeated forwards report time and process memory.
 */
package io.ovrsis.runtime.features;
