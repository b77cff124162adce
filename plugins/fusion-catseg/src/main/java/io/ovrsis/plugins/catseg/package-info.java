/**
 * CAT-Seg's cost aggregation as a fusion head (RSKT-Seg's {@code OriAggregator}, used with
 * {@code USE_EFFICIENT: False}): per layer a pair of guided Swin blocks (plain and shifted windows)
 * on every (image, class) cost map, then linear attention over the classes at each pooled cell with
 * class tokens padded to a fixed length. Component id {@code catseg}; the drop-in alternative to
 * {@code rsfusion}.
 */
package io.ovrsis.plugins.catseg;
