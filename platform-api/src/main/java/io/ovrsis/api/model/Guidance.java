package io.ovrsis.api.model;

import java.util.Map;

/**
 * Features that guide fusion and decoding: the main encoder's unrotated pass and every auxiliary
 * encoder's output, addressed by source name as in {@link FeatureRef}.
 */
public record Guidance(FeatureMaps main, Map<String, FeatureMaps> aux) {
    public Guidance {
        aux = Map.copyOf(aux);
    }

    public FeatureMaps source(String name) {
        if (FeatureRef.MAIN.equals(name)) {
            return main;
        }
        FeatureMaps maps = aux.get(name);
        if (maps == null) {
            throw new IllegalArgumentException("no encoder \"" + name + "\"; have imageEncoder, " + aux.keySet());
        }
        return maps;
    }

    public ai.djl.ndarray.NDArray get(FeatureRef ref) {
        return source(ref.source()).get(ref.feature());
    }
}
