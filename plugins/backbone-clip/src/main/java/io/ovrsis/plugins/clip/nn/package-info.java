/**
 * CLIP's modules on the platform's tensor-module layer, with the authors' parameter names: split
 * q/k/v attention, pre-LN blocks with QuickGELU, the vision transformer (dense last block, taps,
 * bicubic positional-embedding resize) and the causal text transformer.
 */
package io.ovrsis.plugins.clip.nn;
