package io.ovrsis.runtime.config;

/**
 * A dataset reader slot with the platform key {@code split}, which is removed before the reader's
 * own config is bound.
 *
 * @param reader the bound {@code DatasetReader} slot
 * @param split the split to read; {@code null} under {@code eval.datasets} when not given (the
 *     runtime then picks the reader's evaluation split)
 */
public record BoundDataset(BoundComponent reader, String split) {
}
