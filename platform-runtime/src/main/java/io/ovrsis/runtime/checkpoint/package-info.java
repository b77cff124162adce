/**
 * OVRSIS Lab's own checkpoints: model parameters and optimizer moments as safetensors files plus a
 * small JSON state (iteration, seed, config hash), each written to a temporary file and renamed.
 */
package io.ovrsis.runtime.checkpoint;
