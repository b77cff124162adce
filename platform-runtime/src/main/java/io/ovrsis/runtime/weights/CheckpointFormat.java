package io.ovrsis.runtime.weights;

import java.io.IOException;
import java.nio.file.Path;

/** The PyTorch weight file formats {@link TorchCheckpointReader} reads. */
public enum CheckpointFormat {
    /** {@code torch.save} since PyTorch 1.6: a zip with {@code <prefix>/data.pkl} and {@code <prefix>/data/<key>}. */
    TORCH_ZIP,
    /** {@code torch.jit.save} archives (OpenAI CLIP {@code .pt}): a zip with {@code code/}, {@code constants.pkl}, {@code data.pkl}. */
    TORCHSCRIPT,
    /** {@code torch.save(..., _use_new_zipfile_serialization=False)}: pickles followed by raw storages. */
    TORCH_LEGACY;

    /**
     * Looks at a file's first bytes (and a zip's entry names) to tell its format.
     *
     * @throws io.ovrsis.api.component.ComponentException {@code OVRSIS-WEIGHTS-MISSING} if the
     *     file does not exist, {@code OVRSIS-WEIGHTS-FORMAT} if it is no PyTorch checkpoint (the
     *     message says what it looks like instead) or a corrupt zip
     */
    public static CheckpointFormat detect(Path file) throws IOException {
        return FileSniffer.detect(file);
    }
}
