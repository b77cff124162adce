package io.ovrsis.runtime.model;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.ImageEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any weight is loaded, that the components fit together: every feature the
 * aggregator, fusion head and decoder read is produced by the named encoder, and the aggregator's
 * views start with the unrotated image. Component factories check sizes themselves when they build.
 */
public final class CompositionCheck {
    private CompositionCheck() {
    }

    /**
     * @param encoders encoder by source name ({@code imageEncoder} + aux names)
     * @param encoderIds component id by source name, for messages
     * @param consumers required features by consumer key ({@code model.decoder}) with its component id
     */
    public static List<ComponentException> check(Map<String, ImageEncoder> encoders, Map<String, String> encoderIds,
                                                 Map<String, Consumer> consumers) {
        List<ComponentException> errors = new ArrayList<>();
        Map<String, FeatureSpec> specs = new LinkedHashMap<>();
        encoders.forEach((n, e) -> specs.put(n, e.featureSpec()));
        for (Map.Entry<String, Consumer> c : consumers.entrySet()) {
            for (FeatureRef ref : c.getValue().required()) {
                FeatureSpec spec = specs.get(ref.source());
                String who = c.getKey() + " (" + c.getValue().componentId() + ")";
                if (spec == null) {
                    errors.add(new ComponentException("OVRSIS-COMPOSE-MISMATCH", c.getKey(), who + " needs \"" + ref.feature()
                            + "\" from encoder \"" + ref.source() + "\", but the experiment has no such encoder (it has "
                            + String.join(", ", specs.keySet()) + "). Add model.auxEncoders." + ref.source()
                            + " or remove it from " + c.getKey() + "."));
                } else if (!spec.maps().containsKey(ref.feature())) {
                    String key = FeatureRef.MAIN.equals(ref.source()) ? "model.imageEncoder" : "model.auxEncoders." + ref.source();
                    errors.add(new ComponentException("OVRSIS-COMPOSE-MISMATCH", c.getKey(), who + " needs \"" + ref.feature()
                            + "\" from " + key + " (" + encoderIds.get(ref.source()) + "), which provides only "
                            + String.join(", ", spec.maps().keySet()) + ". Expose it there (e.g. add the block to its taps)"
                            + " or change " + c.getKey() + "."));
                }
            }
        }
        return errors;
    }

    /**
     * Feature maps an encoder produces that no consumer reads: not errors, but work done on every
     * forward for nothing (a CLIP tower's {@code dense} runs every block after the last tap, then
     * {@code ln_post} and the projection). One sentence per map, naming the encoder's key.
     */
    public static List<String> unusedFeatures(Map<String, ImageEncoder> encoders, Map<String, String> encoderIds,
                                              Map<String, Consumer> consumers) {
        java.util.Set<FeatureRef> read = new java.util.HashSet<>();
        consumers.values().forEach(c -> read.addAll(c.required()));
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, ImageEncoder> e : encoders.entrySet()) {
            String key = FeatureRef.MAIN.equals(e.getKey()) ? "model.imageEncoder" : "model.auxEncoders." + e.getKey();
            for (String map : e.getValue().featureSpec().maps().keySet()) {
                if (!read.contains(new FeatureRef(e.getKey(), map))) {
                    unused.add(key + " (" + encoderIds.get(e.getKey()) + ") computes \"" + map + "\", which no component"
                            + " reads: remove it from the encoder's outputs (CLIP towers: taps, or finalOutput: false for"
                            + " dense) unless you want it for `ovrsis features`.");
                }
            }
        }
        return unused;
    }

    /** A component that reads encoder features. */
    public record Consumer(String componentId, List<FeatureRef> required) {
    }
}
