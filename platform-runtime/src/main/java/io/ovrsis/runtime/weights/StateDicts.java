package io.ovrsis.runtime.weights;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.weights.StateDict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renaming helpers for {@link StateDict}s. The results share the NDArrays of their input (nothing
 * is copied): close either the input or the result, not both; arrays a helper leaves out stay
 * owned by the input.
 */
public final class StateDicts {
    private StateDicts() {}

    /**
     * Removes leading prefixes from every name, repeatedly and in any order, as DINO's loader does
     * with {@code module.} and {@code backbone.}: with {@code ("module.", "backbone.")},
     * {@code module.backbone.blocks.0.norm1.weight} becomes {@code blocks.0.norm1.weight} and
     * {@code module.head.last_layer.weight} becomes {@code head.last_layer.weight}.
     *
     * @throws ComponentException {@code OVRSIS-WEIGHTS-FORMAT} if two names become the same
     */
    public static StateDict stripPrefixes(StateDict dict, List<String> prefixes) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : dict.tensors().entrySet()) {
            String name = strip(e.getKey(), prefixes);
            String before = origin.putIfAbsent(name, e.getKey());
            if (before != null) {
                throw WeightsErrors.format(dict.source(), "stripping the prefixes " + prefixes
                        + " turns both '" + before + "' and '" + e.getKey() + "' into '" + name + "'");
            }
            out.put(name, e.getValue());
        }
        return new StateDict(dict.source(), out);
    }

    /** {@link #stripPrefixes(StateDict, List)} with the prefixes as arguments. */
    public static StateDict stripPrefixes(StateDict dict, String... prefixes) {
        return stripPrefixes(dict, List.of(prefixes));
    }

    /**
     * The tensors whose names start with {@code prefix}, with the prefix removed: e.g.
     * {@code sem_seg_head.predictor.clip_model.} of a detectron2 checkpoint gives the CLIP weights.
     *
     * @throws ComponentException {@code OVRSIS-WEIGHTS-MISSING} if no name starts with it
     */
    public static StateDict subtree(StateDict dict, String prefix) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        dict.tensors().forEach((name, array) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                out.put(name.substring(prefix.length()), array);
            }
        });
        if (out.isEmpty()) {
            throw WeightsErrors.missing(dict.source(), "no tensor name starts with '" + prefix
                    + "' (" + dict.tensors().size() + " tensors, e.g. "
                    + String.join(", ", dict.tensors().keySet().stream().limit(5).toList()) + ")");
        }
        return new StateDict(dict.source(), out);
    }

    private static String strip(String name, List<String> prefixes) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String prefix : prefixes) {
                if (!prefix.isEmpty() && name.startsWith(prefix) && name.length() > prefix.length()) {
                    name = name.substring(prefix.length());
                    changed = true;
                }
            }
        }
        return name;
    }
}
