package io.ovrsis.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.runtime.weights.TorchCheckpointReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Imports the RSKT-Seg authors' detectron2 checkpoints ({@code model_final.pth}: a {@code torch.save}
 * dict whose {@code model} entry is the whole {@code RSKT_Seg} state dict, method.md §11.4, §14.8)
 * into an OVRSIS Lab model, strictly: every parameter of the model must be found exactly once with
 * its shape, and every tensor of the file must be used or be one of the known never-used entries.
 *
 * <p>Our parameter names are {@code <slot>.<the authors' name inside that module>}; the slot fixes
 * where the authors keep it:
 * <pre>
 * imageEncoder.X          sem_seg_head.predictor.clip_model.visual.X
 * textEncoder.X           sem_seg_head.predictor.clip_model.X
 * auxEncoders.remoteclip  sem_seg_head.predictor.clip_model_remote.visual.X   (or .X when the component
 *                         stores RemoteCLIP's text tower, i.e. holds visual.* itself)
 * auxEncoders.dino.X      dino_model.X
 * aggregator / fusion / decoder .X
 *                         sem_seg_head.predictor.transformer.X or the top level X (upsample1,
 *                         dino_down_sample, ...): whichever exists; both existing is an error
 * </pre>
 * Never used by the model and skipped: RemoteCLIP's text tower when the component does not store
 * it, and the shifted-window masks ({@code *.attn_mask}) of CAT-Seg's Swin blocks, which are derived
 * buffers. Other tensors of the file are errors.
 */
public final class AuthorsCheckpoint {
    /** Prefix of the CLIP model in the authors' state dict. */
    static final String CLIP = "sem_seg_head.predictor.clip_model.";
    static final String REMOTE_CLIP = "sem_seg_head.predictor.clip_model_remote.";
    static final String DINO = "dino_model.";
    static final String HEAD = "sem_seg_head.predictor.transformer.";
    private static final int LISTED = 8;

    private AuthorsCheckpoint() {
    }

    /** What an import did. */
    public record Summary(int loaded, int skipped, List<String> skippedGroups) {
    }

    /** Whether {@code path} is a single checkpoint file in PyTorch's formats rather than an own checkpoint folder. */
    public static boolean isAuthorsFile(Path path) {
        String name = path.getFileName().toString();
        return java.nio.file.Files.isRegularFile(path) && (name.endsWith(".pth") || name.endsWith(".pt")
                || name.endsWith(".pkl") || name.endsWith(".bin"));
    }

    /**
     * Loads every parameter of {@code model} (names {@code <slot>.<name>}) from the file.
     *
     * @throws ComponentException OVRSIS-CHECKPOINT listing missing, ambiguous, wrong-shaped and unexpected keys
     */
    public static Summary load(Path file, TensorModule model, NDManager manager) throws IOException {
        TorchCheckpointReader reader = new TorchCheckpointReader();
        try (NDManager scratch = manager.newSubManager(); StateDict dict = readModelEntry(reader, file, scratch)) {
            Map<String, NDArray> tensors = dict.tensors();
            Map<String, Param> params = model.namedParameters();
            Map<Param, String> sources = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            TreeSet<String> used = new TreeSet<>();
            for (Map.Entry<String, Param> e : params.entrySet()) {
                List<String> candidates = candidates(e.getKey(), params);
                List<String> present = candidates.stream().filter(tensors::containsKey).toList();
                if (present.isEmpty()) {
                    missing.add(candidates.get(0) + " (for " + e.getKey() + " " + e.getValue().shape() + ")");
                } else if (present.size() > 1) {
                    problems.add(e.getKey() + " matches several entries: " + String.join(", ", present));
                } else {
                    String key = present.get(0);
                    NDArray t = tensors.get(key);
                    if (!t.getShape().equals(e.getValue().shape())) {
                        problems.add(key + " has shape " + t.getShape() + ", " + e.getKey() + " expects " + e.getValue().shape());
                        used.add(key); // found, only its shape is wrong: not also "unexpected"
                    } else {
                        sources.put(e.getValue(), key);
                        used.add(key);
                    }
                }
            }
            TreeSet<String> unexpected = new TreeSet<>();
            TreeSet<String> skippedGroups = new TreeSet<>();
            int skipped = 0;
            for (String key : tensors.keySet()) {
                if (used.contains(key)) {
                    continue;
                }
                String group = neverUsed(key, params);
                if (group != null) {
                    skipped++;
                    skippedGroups.add(group);
                } else {
                    unexpected.add(key + " " + tensors.get(key).getShape());
                }
            }
            if (!missing.isEmpty() || !problems.isEmpty() || !unexpected.isEmpty()) {
                String foreign = used.isEmpty() && skipped == 0 && !tensors.isEmpty() ? "None of its " + tensors.size()
                        + " tensors has a name of the authors' layout (sem_seg_head.predictor.*, dino_model.*, upsample1.*,"
                        + " ...): it is not an RSKT-Seg/CAT-Seg model_final.pth (an encoder's own weight file belongs in"
                        + " that encoder's weights key). " : "";
                throw new ComponentException("OVRSIS-CHECKPOINT", "", file + " does not fit the experiment's model as an"
                        + " RSKT-Seg/CAT-Seg detectron2 checkpoint. " + foreign + list("missing", missing) + list("wrong", problems)
                        + list("unexpected", new ArrayList<>(unexpected))
                        + "Check that the experiment matches the checkpoint (encoders, number of fusion layers, CAT-Seg"
                        + " or RS-Fusion); `ovrsis params --list FILE` shows the model's parameter names.");
            }
            for (Map.Entry<Param, String> e : sources.entrySet()) {
                NDArray t = tensors.get(e.getValue());
                if (t.getDataType() == DataType.FLOAT32) {
                    e.getKey().load(t);
                } else {
                    try (NDArray f = t.toType(DataType.FLOAT32, false)) {
                        e.getKey().load(f);
                    }
                }
            }
            return new Summary(sources.size(), skipped, List.copyOf(skippedGroups));
        }
    }

    private static StateDict readModelEntry(TorchCheckpointReader reader, Path file, NDManager manager) throws IOException {
        try {
            return reader.read(file, "model", manager);
        } catch (ComponentException e) {
            if (TorchCheckpointReader.MISSING_ERROR.equals(e.code())) {
                return reader.read(file, null, manager); // a bare state dict with the authors' keys
            }
            throw e;
        }
    }

    /** The authors' keys a parameter may have, most likely first. */
    static List<String> candidates(String name, Map<String, Param> params) {
        int dot = name.indexOf('.');
        String slot = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        return switch (slot) {
            case "imageEncoder" -> List.of(CLIP + "visual." + rest);
            case "textEncoder" -> List.of(CLIP + rest);
            case "auxEncoders" -> {
                int second = rest.indexOf('.');
                String aux = rest.substring(0, second);
                String inner = rest.substring(second + 1);
                yield List.of(auxPrefix(aux, params) + inner);
            }
            case "aggregator", "fusion", "decoder" -> List.of(HEAD + rest, rest);
            default -> throw new ComponentException("OVRSIS-CHECKPOINT", "", "no place in the authors' checkpoint is"
                    + " known for parameters of " + slot);
        };
    }

    private static String auxPrefix(String aux, Map<String, Param> params) {
        if (aux.startsWith("remoteclip")) {
            return params.containsKey("auxEncoders." + aux + ".visual.conv1.weight") ? REMOTE_CLIP : REMOTE_CLIP + "visual.";
        }
        if (aux.startsWith("dino")) {
            return DINO;
        }
        throw new ComponentException("OVRSIS-CHECKPOINT", "model.auxEncoders." + aux, "the authors' checkpoints hold"
                + " two auxiliary encoders, RemoteCLIP (clip_model_remote) and DINO (dino_model); name them"
                + " model.auxEncoders.remoteclip and model.auxEncoders.dino to import one, not \"" + aux + "\"");
    }

    /** The group of a tensor the model never uses, or null if it should have been used. */
    private static String neverUsed(String key, Map<String, Param> params) {
        if (key.startsWith(REMOTE_CLIP) && !key.startsWith(REMOTE_CLIP + "visual.")
                && params.keySet().stream().anyMatch(n -> n.startsWith("auxEncoders.remoteclip"))) {
            return "RemoteCLIP's text tower (never run; set storedTextTower on the encoder to keep it)";
        }
        if (key.endsWith(".attn_mask") && key.startsWith(HEAD + "layers.")) {
            return "the Swin shifted-window masks (recomputed from the grid)";
        }
        return null;
    }

    private static String list(String what, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return items.size() + " " + what + ": " + String.join("; ", items.subList(0, Math.min(LISTED, items.size())))
                + (items.size() > LISTED ? "; and " + (items.size() - LISTED) + " more" : "") + ". ";
    }
}
