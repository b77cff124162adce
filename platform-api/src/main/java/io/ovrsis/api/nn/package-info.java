/**
 * A small PyTorch-like module layer over DJL NDArrays.
 *
 * <p>Modules declare parameters with explicit shapes under their PyTorch names ({@code ln_1.weight},
 * {@code attn.out_proj.bias}); {@link io.ovrsis.api.nn.TensorModule#namedParameters()} gives the same
 * dotted names as {@code state_dict()}, so original checkpoints load by name and parameter counts
 * can be compared with the authors' code. Forward passes are plain functions of NDArrays; autograd
 * is DJL's (a {@code GradientCollector} around the step). Parameters live in the model's
 * {@code NDManager}; activations must come first in binary ops so results attach to the batch's
 * manager, and callers run each step inside an {@code NDScope}.
 *
 * <p>Never close, before backward, an array created from Java data ({@code manager.create(float[])})
 * that took part in a recorded computation: PyTorch reads that memory again in backward, and once
 * the array is closed the memory may be reused (silently wrong, often huge, gradients). Leave such
 * arrays to the step's {@code NDScope}.
 */
package io.ovrsis.api.nn;
