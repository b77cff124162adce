package io.ovrsis.api.component;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;

/** What {@link Preparable#prepare} may use: files, the checkpoint reader and tensors. */
public interface PrepareContext {

    /** Config key of the component being prepared, for error messages. */
    String keyPath();

    /** The project root; relative paths in configs resolve against it. */
    Path projectDir();

    /** Where pretrained weight files live ({@code pretrain/} unless configured). */
    Path pretrainDir();

    /** Where datasets live ({@code datasets/} unless configured). */
    Path datasetsDir();

    /** Reads PyTorch checkpoints (TorchScript archives, zip and legacy {@code torch.save}). */
    StateDictReader stateDictReader();

    /** The manager that owns model parameters. */
    NDManager manager();

    /** Reports progress of long work (dataset generation, weight loading). */
    ProgressReporter progress(String task, long total);

    /** Resolves a config path against the project root unless it is absolute. */
    default Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : projectDir().resolve(p).normalize();
    }
}
