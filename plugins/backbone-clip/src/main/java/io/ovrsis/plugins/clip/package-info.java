/**
 * CLIP and RemoteCLIP image and text towers of RSKT-Seg (OpenAI layout, the authors' dense last block
 * and split q/k/v attention): the {@code clip-vit*} / {@code remoteclip-vit-b32} image encoders, the
 * {@code clip-text*} / {@code remoteclip-text-b32} text encoders, their configs and freezing rules.
 */
package io.ovrsis.plugins.clip;
