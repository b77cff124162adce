/**
 * Reading original PyTorch weight files in pure Java: {@link io.ovrsis.runtime.weights.TorchCheckpointReader}
 * implements {@link io.ovrsis.api.weights.StateDictReader} for {@code torch.save} zip and legacy
 * files and TorchScript archives; {@link io.ovrsis.runtime.weights.CheckpointFormat#detect} tells
 * the format (or what a file is instead); {@link io.ovrsis.runtime.weights.StateDicts} renames.
 *
 * <p>How a read goes: the format is sniffed from the first bytes; the pickle is unpickled with
 * Pyrolite ({@code TorchUnpickler}), which turns tensors into lazy {@code TensorRef}s (storage,
 * offset, size, stride) and everything it does not know into inert {@code PyObject}s; the
 * {@code TensorCollector} descends into the requested entry and names the tensors as
 * {@code state_dict()} would (TorchScript modules via the class sources under {@code code/});
 * only then does the {@code TensorMaterializer} read the storages those tensors use, one at a time,
 * into direct buffers and create the NDArrays. Storages of other entries (optimizer state) are
 * never read.
 */
package io.ovrsis.runtime.weights;
