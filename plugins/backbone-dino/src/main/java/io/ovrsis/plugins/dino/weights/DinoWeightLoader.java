package io.ovrsis.plugins.dino.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.weights.KeyMatch;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.api.weights.StateDictReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a DINO checkpoint into the tower as the authors' {@code BuildRSIB} does (method.md §11.3),
 * but strictly:
 * <ol>
 *   <li>if the file has a top-level entry {@code teacher} (DINO's training-checkpoint layout), only
 *       that entry is read, else the whole file;</li>
 *   <li>every occurrence of {@code module.} and then of {@code backbone.} is removed from each name
 *       (the authors' {@code k.replace(...)});</li>
 *   <li>the projection head {@code head.*} of DINO's training checkpoints is dropped explicitly;</li>
 *   <li>everything else must match the tower's parameters one to one, with equal shapes: missing,
 *       unexpected or wrongly shaped keys, and two keys that become one name, fail with
 *       OVRSIS-WEIGHTS-KEYS / OVRSIS-WEIGHTS-SHAPE listing them and saying what the file looks
 *       like (the authors load with {@code strict=False}, which ignores all of these silently).</li>
 * </ol>
 * fp16 / fp64 tensors are widened to fp32 (the authors call {@code .float()}).
 */
public final class DinoWeightLoader {
    /** The entry of DINO's training checkpoints that holds the weights used (the EMA teacher). */
    public static final String TEACHER = "teacher";
    /** Removed from every name, in this order, wherever they occur. */
    public static final List<String> REMOVED = List.of("module.", "backbone.");
    /** The training head of DINO's checkpoints: not part of the backbone. */
    public static final String HEAD = "head.";
    private static final String MISSING = "OVRSIS-WEIGHTS-MISSING";

    private DinoWeightLoader() {
    }

    /**
     * Reads the weight file named by the config key {@code weights} with the runtime's reader and
     * loads the tower from it. Reader errors (which carry no key path) are re-reported under
     * {@code <keyPath>.weights}.
     */
    public static void loadFile(PrepareContext ctx, String path, TensorModule module, String componentId) {
        String key = ctx.keyPath() + ".weights";
        Path file = PretrainFiles.require(ctx, "weights", path, "The DINO weight file",
                "set weights: null for a randomly initialised tower");
        try (Checkpoint cp = read(ctx.stateDictReader(), file, ctx.manager())) {
            load(module, cp.dict(), cp.entry(), ctx.keyPath(), componentId);
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
     * The {@code teacher} entry if the file has one, else the whole file. The reader reports a
     * missing entry as OVRSIS-WEIGHTS-MISSING (the file itself exists: it was checked before); that
     * answer means "no teacher layout" and the whole file is read instead. Every other error stands.
     */
    static Checkpoint read(StateDictReader reader, Path file, NDManager manager) throws IOException {
        try {
            return new Checkpoint(reader.read(file, TEACHER, manager), TEACHER);
        } catch (ComponentException e) {
            if (!MISSING.equals(e.code())) {
                throw e;
            }
        }
        return new Checkpoint(reader.read(file, null, manager), null);
    }

    /** A read state dict and the entry it came from (null: the whole file). */
    record Checkpoint(StateDict dict, String entry) implements AutoCloseable {
        @Override
        public void close() {
            dict.close();
        }
    }

    /** The authors' renaming: every {@code module.}, then every {@code backbone.}, removed. */
    public static String towerName(String key) {
        String name = key;
        for (String r : REMOVED) {
            name = name.replace(r, "");
        }
        return name;
    }

    /**
     * Loads every parameter of {@code module} from {@code dict}.
     *
     * @param entry the checkpoint entry the dict came from ({@code teacher}) or null, for errors
     * @param keyPath the component's config key, for errors
     * @param componentId the component id, for errors
     * @return the number of {@code head.*} tensors dropped
     */
    public static int load(TensorModule module, StateDict dict, String entry, String keyPath, String componentId) {
        Map<String, NDArray> entries = new LinkedHashMap<>();
        Map<String, String> sourceKey = new LinkedHashMap<>();
        List<String> collisions = new ArrayList<>();
        int dropped = 0;
        for (Map.Entry<String, NDArray> e : dict.tensors().entrySet()) {
            String name = towerName(e.getKey());
            if (name.startsWith(HEAD)) {
                dropped++;
                continue;
            }
            String earlier = sourceKey.putIfAbsent(name, e.getKey());
            if (earlier != null) {
                collisions.add(earlier + " and " + e.getKey() + " both become " + name);
                continue;
            }
            entries.put(name, e.getValue());
        }
        Map<String, Param> params = module.namedParameters();
        KeyMatch match = KeyMatch.of(params, entries, k -> sourceKey.getOrDefault(k, k));
        if (!match.exact() || !collisions.isEmpty()) {
            String code = match.code();
            StringBuilder msg = match.appendTo(new StringBuilder(dict.source() + (entry == null ? "" : " (entry '" + entry + "')")
                    + ": does not fit " + componentId + " (" + keyPath + "). "));
            KeyMatch.appendList(msg, "name clashes", collisions);
            msg.append("Names are compared after removing 'module.' and 'backbone.' and dropping the projection head"
                    + " 'head.*', as the authors' BuildRSIB does. The file looks like ")
                    .append(DinoArchitecture.describe(entries)).append('.');
            throw new ComponentException(code, keyPath + ".weights", msg.toString());
        }
        for (Map.Entry<String, Param> e : params.entrySet()) {
            e.getValue().load(entries.get(e.getKey()));
        }
        return dropped;
    }
}
