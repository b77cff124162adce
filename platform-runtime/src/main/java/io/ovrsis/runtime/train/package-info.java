/**
 * Training: the loop (DJL autograd through a {@code GradientCollector}), AdamW with PyTorch's
 * update rule and per-parameter learning-rate multipliers and weight-decay groups, global-norm
 * gradient clipping, the cosine schedule and the per-pixel BCE loss of CAT-Seg/RSKT-Seg.
 */
package io.ovrsis.runtime.train;
