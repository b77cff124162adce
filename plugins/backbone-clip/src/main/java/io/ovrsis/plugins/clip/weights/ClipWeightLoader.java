package io.ovrsis.plugins.clip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.weights.KeyMatch;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.plugins.clip.WeightsFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Copies one CLIP tower's tensors from a checkpoint into its module, strictly (method.md §11.1,
 * §11.2, §14.1–14.2): OpenAI key names, the image tower under {@code visual.}, the text tower
 * everything else; fused {@code attn.in_proj_weight} (3D×D) split into q/k/v rows 0..D, D..2D,
 * 2D..3D (the authors' split layout is accepted as well); the scalar entries
 * {@code input_resolution}, {@code context_length}, {@code vocab_size} dropped; fp16 widened to
 * fp32; for RemoteCLIP the conv/Linear/attention/projection tensors rounded through fp16.
 * Missing, unexpected or wrongly shaped keys fail with a message that lists them and says what
 * architecture the file looks like.
 */
public final class ClipWeightLoader {
    /** Non-weight entries of OpenAI's archives. */
    public static final Set<String> SCALARS = Set.of("input_resolution", "context_length", "vocab_size");
    private static final String VISUAL = "visual.";
    private static final String FUSED = "attn.in_proj_weight";
    private static final String[] ROUNDED_SUFFIXES = {".attn.q_proj_weight", ".attn.k_proj_weight",
        ".attn.v_proj_weight", ".attn.in_proj_bias", ".attn.out_proj.weight", ".attn.out_proj.bias",
        ".mlp.c_fc.weight", ".mlp.c_fc.bias", ".mlp.c_proj.weight", ".mlp.c_proj.bias"};
    private static final Set<String> ROUNDED_NAMES = Set.of("conv1.weight", "proj", "text_projection");

    /**
     * Which part of the CLIP checkpoint a module reads: the image tower (names without
     * {@code visual.}), the text tower, or the whole model (names as in the file).
     */
    public enum Tower { IMAGE, TEXT, WHOLE }

    private ClipWeightLoader() {
    }

    /**
     * Reads the weight file named by the config key {@code weights} with the runtime's reader and
     * loads the tower from it. Reader errors (which carry no key path) are re-reported under
     * {@code <keyPath>.weights}.
     */
    public static void loadFile(PrepareContext ctx, String path, TensorModule module, Tower tower, WeightsFormat format,
            String componentId) {
        String key = ctx.keyPath() + ".weights";
        Path file = PretrainFiles.require(ctx, "weights", path, "The CLIP weight file",
                "set weights: null for a randomly initialised tower");
        try (StateDict dict = ctx.stateDictReader().read(file, null, ctx.manager())) {
            load(module, dict, tower, format, ctx.keyPath(), componentId);
        } catch (IOException e) {
            throw new ComponentException("OVRSIS-WEIGHTS-READ", key,
                    file + " could not be read as a PyTorch checkpoint: " + e.getMessage(), e);
        } catch (ComponentException e) {
            if (e.keyPath() == null || e.keyPath().isEmpty()) {
                throw new ComponentException(e.code(), key, e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Loads every parameter of {@code module} from {@code dict}.
     *
     * @param keyPath the component's config key, for errors
     * @param componentId the component id, for errors
     * @return the number of tensors rounded through fp16
     */
    public static int load(TensorModule module, StateDict dict, Tower tower, WeightsFormat format,
            String keyPath, String componentId) {
        Map<String, NDArray> entries = towerEntries(dict, tower);
        try {
            return check(module, dict, entries, tower, format, keyPath, componentId);
        } finally {
            // the q/k/v slices are views made here; the dict's own tensors are closed by its owner
            Set<NDArray> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            own.addAll(dict.tensors().values());
            entries.values().stream().filter(t -> !own.contains(t)).forEach(NDArray::close);
        }
    }

    private static int check(TensorModule module, StateDict dict, Map<String, NDArray> entries, Tower tower,
            WeightsFormat format, String keyPath, String componentId) {
        Map<String, Param> params = module.namedParameters();
        KeyMatch match = KeyMatch.of(params, entries, k -> prefix(tower) + k);
        if (!match.exact()) {
            String code = match.code();
            StringBuilder msg = match.appendTo(new StringBuilder(dict.source() + ": does not fit " + componentId
                    + " (" + keyPath + "). "));
            msg.append("The file looks like ").append(ClipArchitecture.describe(dict, tower)).append('.');
            throw new ComponentException(code, keyPath + ".weights", msg.toString());
        }
        int rounded = 0;
        for (Map.Entry<String, Param> e : params.entrySet()) {
            NDArray t = entries.get(e.getKey());
            String towerName = e.getKey().startsWith(VISUAL) && tower == Tower.WHOLE
                    ? e.getKey().substring(VISUAL.length()) : e.getKey();
            if (format == WeightsFormat.REMOTECLIP && roundsThroughHalf(towerName)) {
                try (NDArray half = t.toType(DataType.FLOAT16, false); NDArray back = half.toType(DataType.FLOAT32, false)) {
                    e.getValue().load(back);
                }
                rounded++;
            } else {
                e.getValue().load(t);
            }
        }
        return rounded;
    }

    /** The tower's tensors under its own names, with fused in-projections split. */
    static Map<String, NDArray> towerEntries(StateDict dict, Tower tower) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : dict.tensors().entrySet()) {
            String key = e.getKey();
            boolean visual = key.startsWith(VISUAL);
            if (SCALARS.contains(key) || (tower != Tower.WHOLE && visual != (tower == Tower.IMAGE))) {
                continue;
            }
            String name = visual && tower == Tower.IMAGE ? key.substring(VISUAL.length()) : key;
            NDArray t = e.getValue();
            Shape s = t.getShape();
            if (name.endsWith(FUSED) && s.dimension() == 2 && s.get(0) % 3 == 0) {
                String base = name.substring(0, name.length() - FUSED.length()) + "attn.";
                long d = s.get(0) / 3;
                out.put(base + "q_proj_weight", t.get("0:" + d + ", :"));
                out.put(base + "k_proj_weight", t.get(d + ":" + 2 * d + ", :"));
                out.put(base + "v_proj_weight", t.get(2 * d + ":" + 3 * d + ", :"));
            } else {
                out.put(name, t);
            }
        }
        return out;
    }

    /** Whether the authors' load rounds this tensor through fp16 (method.md §14.1). */
    public static boolean roundsThroughHalf(String name) {
        if (ROUNDED_NAMES.contains(name)) {
            return true;
        }
        if (!name.startsWith("transformer.resblocks.")) {
            return false;
        }
        for (String suffix : ROUNDED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String prefix(Tower tower) {
        return tower == Tower.IMAGE ? VISUAL : "";
    }
}
