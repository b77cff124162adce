package io.ovrsis.plugins.catseg;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.FusionHeadFactory;
import io.ovrsis.plugins.catseg.ShiftedWindows.Geometry;
import org.pf4j.Extension;

/**
 * Builds {@code catseg}: input sizes come from the guidance encoder's spec and the text encoder; the
 * cost grid (= the guidance grid) must be tiled by the Swin windows.
 */
@Extension
public final class CatSegHeadFactory implements FusionHeadFactory<CatSegHeadConfig> {
    public static final String ID = "catseg";
    private static final String MISMATCH = "OVRSIS-COMPOSE-MISMATCH";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<CatSegHeadConfig> configType() {
        return CatSegHeadConfig.class;
    }

    @Override
    public CatSegHeadConfig defaultConfig() {
        return CatSegHeadConfig.defaults();
    }

    @Override
    public FusionHead create(CatSegHeadConfig config, BuildContext context) {
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
        int grid = spec.gridSize(config.guidanceMap());
        Geometry window = Geometry.of(grid, grid, config.windowSize(), false);
        if (!window.tiles()) {
            throw new ComponentException(MISMATCH, key + ".windowSize", me + " runs Swin windows of "
                    + config.windowSize() + "x" + config.windowSize() + " on the " + grid + "x" + grid + " grid of "
                    + where + " (" + spec.inputSize() + " px / stride " + map.stride() + "), which they do not tile"
                    + " (the authors' blocks do not pad). Use a windowSize that divides " + grid + ", or one of at"
                    + " least " + grid + " (a single window).");
        }
        int textDim = context.textEmbeddingDim().orElseThrow(() -> new ComponentException(MISMATCH, key,
                me + " projects the class embeddings, but no text encoder was built before it."
                        + " Configure model.textEncoder."));
        return new CatSegHead(config, key, map.channels(), grid, textDim);
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("CAT-Seg cost aggregation: guided Swin window attention (plain and shifted) and"
                + " linear attention over padded class tokens, guided by CLIP appearance and class embeddings");
    }
}
