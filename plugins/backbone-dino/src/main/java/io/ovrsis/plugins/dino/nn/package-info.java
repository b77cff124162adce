/**
 * DINO v1's VisionTransformer on the platform's tensor-module layer, with DINO's parameter names
 * ({@code cls_token}, {@code pos_embed}, {@code patch_embed.proj}, {@code blocks.{i}.{norm1,
 * attn.qkv, attn.proj, norm2, mlp.fc1, mlp.fc2}}, {@code norm}): pre-norm blocks with exact GELU,
 * LayerNorm eps 1e-6, final-norm taps and the scale-factor bicubic position-table resize.
 */
package io.ovrsis.plugins.dino.nn;
