/** Named tensors read from PyTorch checkpoint files; implemented by the runtime. */
package io.ovrsis.api.weights;
