package io.ovrsis.runtime.weights;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.api.weights.StateDictReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads original PyTorch weight files in Java, without Python and without a conversion step:
 * {@code torch.save} zip files (PyTorch 1.6 and later), legacy {@code torch.save} files and
 * TorchScript archives (OpenAI CLIP {@code .pt}). The format is told from the file's contents, not
 * its name.
 *
 * <p>Tensors come back under their {@code state_dict()} names, in the dtype they were stored in
 * (fp16 stays fp16), except bfloat16 (widened to float32: DJL cannot hold bf16) and int16 (widened
 * to int32). Views are copied out honouring storage offset and strides. For TorchScript archives
 * the names are those of {@code torch.jit.load(f).state_dict()}: parameters and buffers (including
 * OpenAI's int64 scalars {@code input_resolution}, {@code context_length}, {@code vocab_size}), not
 * plain tensor attributes.
 *
 * <p>{@code entry} descends into one top-level entry first: {@code model} for detectron2's
 * {@code model_final.pth}, {@code teacher} for DINO training checkpoints, {@code state_dict};
 * for a TorchScript archive or a pickled module, a submodule name ({@code visual}). Other entries
 * are never read from disk. Strip prefixes such as {@code module.} with
 * {@link StateDicts#stripPrefixes}.
 *
 * <p>Errors are {@link io.ovrsis.api.component.ComponentException}s with an empty key path (the
 * caller knows the config key) and a message starting with the file: {@value #MISSING_ERROR} for a
 * missing file or entry (listing the entries there are), {@value #FORMAT_ERROR} for anything that
 * is not a readable checkpoint (saying what the file looks like instead), truncated or corrupt
 * files and storages shorter than their tensors.
 */
public final class TorchCheckpointReader implements StateDictReader {
    /** Error code: the file is not a readable PyTorch checkpoint. */
    public static final String FORMAT_ERROR = "OVRSIS-WEIGHTS-FORMAT";
    /** Error code: the file, or the entry asked for, does not exist. */
    public static final String MISSING_ERROR = "OVRSIS-WEIGHTS-MISSING";

    private static final Logger LOG = LoggerFactory.getLogger(TorchCheckpointReader.class);

    /**
     * @param file the checkpoint
     * @param entry a top-level entry to descend into first, or null (or blank) for the whole file
     * @param manager where the arrays are created; the caller closes the returned state dict
     */
    @Override
    public StateDict read(Path file, String entry, NDManager manager) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manager, "manager");
        String descend = entry == null || entry.isBlank() ? null : entry;
        CheckpointFormat format = CheckpointFormat.detect(file);
        long start = System.nanoTime();
        StateDict result = switch (format) {
            case TORCH_ZIP, TORCHSCRIPT -> ZipCheckpoint.read(file, descend, manager);
            case TORCH_LEGACY -> LegacyCheckpoint.read(file, descend, manager);
        };
        LOG.debug("read {} tensors{} from {} ({}) in {} ms", result.tensors().size(),
                descend == null ? "" : " of entry '" + descend + "'", file, format,
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** Reads the whole file, as {@code read(file, null, manager)}. */
    public StateDict read(Path file, NDManager manager) throws IOException {
        return read(file, null, manager);
    }
}
