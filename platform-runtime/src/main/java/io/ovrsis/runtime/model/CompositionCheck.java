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

    /** A component that reads encoder features. */
    public record Consumer(String componentId, List<FeatureRef> required) {
    }
}
