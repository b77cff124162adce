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

    /** {@code pretrain/x} → x in {@link #pretrainDir()}; other paths as {@link #resolve}. */
    default Path resolvePretrained(String path) {
        String prefix = "pretrain/";
        return path.startsWith(prefix) ? pretrainDir().resolve(path.substring(prefix.length())).normalize() : resolve(path);
    }

    /**
     * The file a config key names ({@link #resolvePretrained}), or OVRSIS-WEIGHTS-MISSING naming the
     * expected path, where the file is published and what else the user can do.
     *
     * @param key the config key holding the path, below {@link #keyPath()} ({@code weights}, {@code vocab})
     * @param what what the file is, for the message ("The CLIP weight file")
     * @param published where the file under this name is published, or null if unknown
     * @param alternative what else the user can do, e.g. "set weights: null for random initialisation"
     */
    default Path requirePretrained(String key, String path, String what, String published, String alternative) {
        Path file = resolvePretrained(path);
        if (!java.nio.file.Files.isRegularFile(file)) {
            String name = file.getFileName() == null ? path : file.getFileName().toString();
            throw new ComponentException("OVRSIS-WEIGHTS-MISSING", keyPath() + "." + key,
                    what + " " + file + " (" + keyPath() + "." + key + " = \"" + path + "\") does not exist. "
                            + (published == null ? "Put the file there"
                                    : "Put " + name + " (" + published + ") there under its published name")
                            + ", point " + key + " at it, or " + alternative + ".");
        }
        return file;
    }
}
