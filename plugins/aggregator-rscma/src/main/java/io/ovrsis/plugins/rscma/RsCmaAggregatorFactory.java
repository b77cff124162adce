package io.ovrsis.plugins.rscma;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.CostAggregatorFactory;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Builds {@code rscma}: checks the composition against the encoders' specs, declares shapes only. */
@Extension
public final class RsCmaAggregatorFactory implements CostAggregatorFactory<RsCmaAggregatorConfig> {
    public static final String ID = "rscma";
    static final String MISMATCH = "OVRSIS-COMPOSE-MISMATCH";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<RsCmaAggregatorConfig> configType() {
        return RsCmaAggregatorConfig.class;
    }

    @Override
    public RsCmaAggregatorConfig defaultConfig() {
        return RsCmaAggregatorConfig.defaults();
    }

    @Override
    public CostAggregator create(RsCmaAggregatorConfig config, BuildContext context) {
        String key = context.keyPath();
        String me = key + " (" + ID + ")";
        int textDim = context.textEmbeddingDim().orElseThrow(() -> new ComponentException(MISMATCH, key,
                me + " needs the text embedding size to build the cosine cost, but no text encoder was built"
                        + " before it. Configure model.textEncoder."));
        context.textTemplateCount().filter(p -> p != config.templateCount()).ifPresent(p -> {
            throw new ComponentException(MISMATCH, key + ".templateCount", me + " is built for " + config.templateCount()
                    + " prompt template(s) per class (one cost channel each), but model.textEncoder produces " + p
                    + ". Set " + key + ".templateCount: " + p + ", or choose a text template set with "
                    + config.templateCount() + " template(s).");
        });
        FeatureSpec main = spec(context, FeatureRef.MAIN, me, key + ".source");
        FeatureInfo source = map(main, FeatureRef.MAIN, config.source(), me, key + ".source", "source");
        if (source.channels() != textDim) {
            throw new ComponentException(MISMATCH, key, me + " needs image and text embeddings of equal size:"
                    + " imageEncoder map \"" + config.source() + "\" gives " + source.channels()
                    + " channels, the text encoder gives " + textDim + ". Use the text tower of the same CLIP model.");
        }
        int grid = main.gridSize(config.source());
        List<ExtraCost> extras = new ArrayList<>();
        for (String name : config.extraCost()) {
            String at = key + ".extraCost";
            FeatureSpec aux = spec(context, name, me, at);
            FeatureInfo info = map(aux, "auxEncoders." + name, config.extraCostFeature(), me,
                    key + ".extraCostFeature", "extraCostFeature");
            int auxGrid = aux.gridSize(config.extraCostFeature());
            if (auxGrid < grid || auxGrid % grid != 0) {
                throw new ComponentException(MISMATCH, at, me + " projects auxEncoders." + name + " map \""
                        + config.extraCostFeature() + "\" (grid " + auxGrid + ") onto the cost grid " + grid
                        + " of imageEncoder." + config.source() + " with a k=s convolution, which needs a grid that is"
                        + " a whole multiple of " + grid + ". Change auxEncoders." + name + ".inputSize or remove \""
                        + name + "\" from " + at + ".");
            }
            extras.add(new ExtraCost(name, config.extraCostFeature(), info.channels(), auxGrid / grid));
        }
        return new RsCmaAggregator(config, textDim, grid, extras);
    }

    private static FeatureSpec spec(BuildContext context, String source, String me, String keyPath) {
        Map<String, FeatureSpec> encoders = context.encoders();
        FeatureSpec spec = encoders.get(source);
        if (spec == null) {
            String where = FeatureRef.MAIN.equals(source) ? "model.imageEncoder" : "model.auxEncoders." + source;
            throw new ComponentException(MISMATCH, keyPath, me + " reads image encoder \"" + source + "\" ("
                    + where + "), but the experiment has " + (encoders.isEmpty() ? "none"
                    : String.join(", ", encoders.keySet().stream().sorted().toList()))
                    + ". Add it under " + where + " or refer to one of those.");
        }
        return spec;
    }

    private static FeatureInfo map(FeatureSpec spec, String encoder, String name, String me, String keyPath,
                                   String configKey) {
        FeatureInfo info = spec.maps().get(name);
        if (info == null) {
            throw new ComponentException(MISMATCH, keyPath, me + " needs feature map \"" + name + "\" of " + encoder
                    + ", which exposes only " + spec.maps().keySet() + ". Set " + configKey
                    + " to one of those or add the map to the encoder (e.g. its taps).");
        }
        return info;
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("RS-CMA: rotated-back multi-directional CLIP cosine costs plus optional auxiliary"
                + " (DINO) costs, embedded with GSNet's sigmoid-gated convolutions (RSKT-Seg)");
    }
}
