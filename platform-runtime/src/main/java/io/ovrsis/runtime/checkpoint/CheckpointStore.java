package io.ovrsis.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A checkpoint is a folder {@code <dir>/iter_<n>/} with {@code model.safetensors} (every parameter
 * by its dotted name, fp32), {@code optimizer.safetensors} (AdamW moments) and {@code state.json}.
 * The folder is assembled under a temporary name and renamed, so an interrupted save leaves nothing
 * that looks like a checkpoint. {@code latest} names the newest one.
 */
public final class CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path save(TensorModule model, NDList optimizerState, CheckpointState state) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("iter_%07d", state.iteration());
        Path target = dir.resolve(name);
        Path tmp = Files.createTempDirectory(dir, "." + name + ".");
        try {
            NDList params = new NDList();
            for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
                NDArray a = e.getValue().array();
                a.setName(e.getKey());
                params.add(a);
            }
            AtomicFiles.write(tmp.resolve("model.safetensors"), out -> params.encode(out, NDList.Encoding.SAFETENSORS));
            AtomicFiles.write(tmp.resolve("optimizer.safetensors"), out -> optimizerState.encode(out, NDList.Encoding.SAFETENSORS));
            AtomicFiles.write(tmp.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(tmp, target);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
        AtomicFiles.write(dir.resolve("latest"), name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return target;
    }

    /**
     * Resolves a checkpoint path: a checkpoint folder, a run's checkpoint folder (uses {@code latest}),
     * its model file, or the authors' detectron2 file ({@code model_final.pth}, see {@link AuthorsCheckpoint}).
     */
    public static Path resolve(Path path) {
        if (AuthorsCheckpoint.isAuthorsFile(path)) {
            return path;
        }
        Path p = path;
        if (Files.isRegularFile(p) && p.getFileName().toString().equals("model.safetensors")) {
            p = p.getParent();
        }
        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("latest"))) {
            try {
                p = p.resolve(Files.readString(p.resolve("latest")).trim());
            } catch (IOException e) {
                throw new ComponentException("OVRSIS-CHECKPOINT", "", p.resolve("latest") + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(p.resolve("model.safetensors"))) {
            throw new ComponentException("OVRSIS-CHECKPOINT", "", path + (Files.exists(path) ? " is not a checkpoint" : " does not exist")
                    + ": expected a folder with model.safetensors (for example checkpoints/<run id>/iter_0000600), a run's"
                    + " checkpoint folder with a 'latest' file, or the authors' model_final.pth.");
        }
        return p;
    }

    public static CheckpointState readState(Path checkpoint) throws IOException {
        return JSON.readValue(checkpoint.resolve("state.json").toFile(), CheckpointState.class);
    }

    /**
     * Loads parameters by name; every parameter of the model must be present with its shape. An
     * authors' {@code .pth} file is imported with {@link AuthorsCheckpoint}.
     */
    public static void loadModel(Path checkpoint, TensorModule model, NDManager manager) throws IOException {
        if (AuthorsCheckpoint.isAuthorsFile(checkpoint)) {
            AuthorsCheckpoint.load(checkpoint, model, manager);
            return;
        }
        Path file = checkpoint.resolve("model.safetensors");
        try (NDManager scratch = manager.newSubManager(); InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(scratch, in);
            Map<String, Param> params = model.namedParameters();
            TreeSet<String> missing = new TreeSet<>(params.keySet());
            List<String> problems = new ArrayList<>();
            TreeSet<String> unexpected = new TreeSet<>();
            for (NDArray a : list) {
                Param p = params.get(a.getName());
                if (p == null) {
                    unexpected.add(a.getName());
                    continue;
                }
                missing.remove(a.getName());
                if (!a.getShape().equals(p.shape())) {
                    problems.add(a.getName() + " has shape " + a.getShape() + ", the model expects " + p.shape());
                } else {
                    p.load(a);
                }
            }
            if (!missing.isEmpty() || !unexpected.isEmpty() || !problems.isEmpty()) {
                throw new ComponentException("OVRSIS-CHECKPOINT", "", file + " does not fit the experiment's model: "
                        + (missing.isEmpty() ? "" : missing.size() + " missing (" + preview(missing) + ") ")
                        + (unexpected.isEmpty() ? "" : unexpected.size() + " unexpected (" + preview(unexpected) + ") ")
                        + String.join("; ", problems)
                        + ". Was it written by another experiment? Use the experiment file the run used (its artifact config/experiment.yaml).");
            }
        }
    }

    public static NDList loadOptimizer(Path checkpoint, NDManager manager) throws IOException {
        try (InputStream in = Files.newInputStream(checkpoint.resolve("optimizer.safetensors"))) {
            return NDList.decode(manager, in);
        }
    }

    private static String preview(TreeSet<String> names) {
        List<String> l = new ArrayList<>(names);
        return String.join(", ", l.subList(0, Math.min(5, l.size()))) + (l.size() > 5 ? ", ..." : "");
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
