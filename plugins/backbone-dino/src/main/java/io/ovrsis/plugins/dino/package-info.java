/**
 * DINO v1 ViT image encoders of RSKT-Seg / GSNet: {@code dino-vitb8} (GSNet's "Specialist RSI
 * Backbone", RSKT-Seg's frozen "RS-DINO") and {@code dino-vit} (built from its config). They
 * expose the final-norm last layer as {@code dense} and final-norm block outputs as
 * {@code block<i>} (method.md §1.1, §1.4, §11.3, §14.5).
 */
package io.ovrsis.plugins.dino;
