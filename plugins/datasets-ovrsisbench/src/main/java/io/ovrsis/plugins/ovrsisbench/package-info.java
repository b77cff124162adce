/**
 * Dataset readers for the eight OVRSISBench datasets (method.md §7) and the generated
 * {@code synthetic-aerial} dataset. All of them go through one generic reader,
 * {@link io.ovrsis.plugins.ovrsisbench.IndexPngDataset}: images and single-channel index-PNG
 * labels paired by base name (detectron2 {@code load_sem_seg}), label values used as 0-based class
 * indices, 255 ignored. The synthetic scene painter lives in the {@code synthetic} sub-package.
 */
package io.ovrsis.plugins.ovrsisbench;
