package io.ovrsis.api.weights;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tensors of a checkpoint by their PyTorch names, as stored (fp16 stays fp16; the loader widens).
 *
 * @param source the file they came from, for error messages
 * @param tensors name to tensor
 */
public record StateDict(Path source, Map<String, NDArray> tensors) implements AutoCloseable {
    public StateDict {
        tensors = new LinkedHashMap<>(tensors);
    }

    @Override
    public void close() {
        tensors.values().forEach(NDArray::close);
    }
}
