package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.FusionHeadFactory;
import org.pf4j.Extension;

/** Builds {@code rsfusion}: input sizes come from the guidance encoder's spec and the text encoder. */
@Extension
public final class RsFusionHeadFactory implements FusionHeadFactory<RsFusionHeadConfig> {
    public static final String ID = "rsfusion";
    private static final String MISMATCH = "OVRSIS-COMPOSE-MISMATCH";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<RsFusionHeadConfig> configType() {
        return RsFusionHeadConfig.class;
    }

    @Override
    public RsFusionHeadConfig defaultConfig() {
        return RsFusionHeadConfig.defaults();
    }

    @Override
    public FusionHead create(RsFusionHeadConfig config, BuildContext context) {
        String key = context.keyPath();
        String me = key + " (" + ID + ")";
        String encoder = config.guidanceEncoder();
        String where = FeatureRef.MAIN.equals(encoder) ? "model.imageEncoder" : "model.auxEncoders." + encoder;
        FeatureSpec spec = context.encoders().get(encoder);
        if (spec == null) {
            throw new ComponentException(MISMATCH, key + ".guidanceSource", me + " takes its appearance guidance from"
                    + " \"" + config.guidanceSource() + "\", but there is no image encoder \"" + encoder + "\" ("
                    + where + "); the experiment has " + String.join(", ", context.encoders().keySet().stream().sorted()
                    .toList()) + ". Set guidanceSource to <encoder>.<map> of one of those.");
        }
        FeatureInfo map = spec.maps().get(config.guidanceMap());
        if (map == null) {
            throw new ComponentException(MISMATCH, key + ".guidanceSource", me + " needs feature map \""
                    + config.guidanceMap() + "\" of " + where + ", which exposes only " + spec.maps().keySet()
                    + ". Set guidanceSource to one of those.");
        }
        int textDim = context.textEmbeddingDim().orElseThrow(() -> new ComponentException(MISMATCH, key,
                me + " projects the class embeddings, but no text encoder was built before it."
                        + " Configure model.textEncoder."));
        return new RsFusionHead(config, map.channels(), textDim);
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("RS-Fusion: efficient cost aggregation with spatially reduced spatial attention and"
                + " pooled class attention, guided by CLIP appearance and class embeddings (RSKT-Seg)");
    }
}
