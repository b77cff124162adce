/**
 * RS-Fusion (method.md §3): RSKT-Seg's efficient cost-aggregation transformer. Each layer runs a
 * SegFormer-style spatial block with spatially reduced keys/values on every (image, class) cost map,
 * then a class block that attends over classes on a 2×2-pooled grid and adds its upsampled result
 * to the un-pooled input. Guidance: a projected appearance map and projected class embeddings.
 * Component id {@code rsfusion}.
 */
package io.ovrsis.plugins.rsfusion;
