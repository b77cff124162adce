/**
 * RS-Transfer (method.md §4): RSKT-Seg's two-stage upsampling decoder. Each stage doubles the
 * cost maps with a transposed convolution, concatenates projected intermediate features of the
 * guidance encoders (CLIP, RemoteCLIP, DINO by default) and applies a bias-free GroupNorm double
 * convolution; a 3×3 head gives one logit map per class. Component id {@code rstransfer}.
 */
package io.ovrsis.plugins.rstransfer;
