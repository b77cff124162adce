package io.ovrsis.api.weights;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads PyTorch checkpoint files without Python: TorchScript archives (OpenAI CLIP {@code .pt}),
 * {@code torch.save} zip and legacy pickles (RemoteCLIP, DINO, detectron2 {@code model_final.pth}).
 */
public interface StateDictReader {

    /**
     * @param file the checkpoint
     * @param entry a top-level dict entry to descend into first ({@code model}, {@code teacher}), or null
     */
    StateDict read(Path file, String entry, NDManager manager) throws IOException;
}
