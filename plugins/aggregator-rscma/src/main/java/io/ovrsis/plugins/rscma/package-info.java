/**
 * RS-CMA (method.md §2): the multi-directional cosine cost volume of RSKT-Seg. The main image
 * encoder runs on quarter-turned views; each view's dense map is L2-normalised, turned back into
 * the frame of the unrotated image and correlated with every (class, template) text embedding.
 * Optional extra costs from auxiliary encoders (the DINO branch) are projected into text space and
 * fused with GSNet's sigmoid-gated scheme. Component id {@code rscma}.
 */
package io.ovrsis.plugins.rscma;
