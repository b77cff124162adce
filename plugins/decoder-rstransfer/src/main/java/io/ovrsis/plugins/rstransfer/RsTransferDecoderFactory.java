package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.DecoderFactory;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Builds {@code rstransfer}. Tap channels come from the guidance encoders' specs, and the kind of
 * tap projection from the tap grid relative to the stage grid: the paper's CLIP / RemoteCLIP taps
 * (grid 24) get k2 and k4 transposed convolutions, DINO's (grid 48) a 1×1 convolution and a k2 one.
 */
@Extension
public final class RsTransferDecoderFactory implements DecoderFactory<RsTransferDecoderConfig> {
    public static final String ID = "rstransfer";
    private static final String MISMATCH = "OVRSIS-COMPOSE-MISMATCH";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<RsTransferDecoderConfig> configType() {
        return RsTransferDecoderConfig.class;
    }

    @Override
    public RsTransferDecoderConfig defaultConfig() {
        return RsTransferDecoderConfig.defaults();
    }

    @Override
    public Decoder create(RsTransferDecoderConfig config, BuildContext context) {
        String key = context.keyPath();
        String me = key + " (" + ID + ")";
        List<RsTransferModule.SourceLayout> layout = new ArrayList<>();
        if (!config.guidance().isEmpty()) {
            FeatureSpec main = spec(context, FeatureRef.MAIN, me, key + ".costFeature");
            if (!main.maps().containsKey(config.costFeature())) {
                throw new ComponentException(MISMATCH, key + ".costFeature", me + " sizes its stages from the grid of"
                        + " imageEncoder map \"" + config.costFeature() + "\", which the encoder does not expose (it has "
                        + main.maps().keySet() + "). Set costFeature to the map the aggregator correlates.");
            }
            int costGrid = main.gridSize(config.costFeature());
            for (String source : config.guidance()) {
                layout.add(resolve(context, config, source, costGrid, me, key));
            }
        }
        return new RsTransferDecoder(config, layout);
    }

    private static RsTransferModule.SourceLayout resolve(BuildContext context, RsTransferDecoderConfig config,
                                                         String source, int costGrid, String me, String key) {
        FeatureSpec spec = spec(context, source, me, key + ".guidance");
        String where = where(source);
        List<String> taps = config.tapsOf(source);
        List<String> missing = taps.stream().filter(t -> !spec.maps().containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new ComponentException(MISMATCH, key + ".guidance", me + " needs " + quoted(taps) + " from " + where
                    + ", but that encoder exposes only " + spec.maps().keySet() + " (missing " + quoted(missing)
                    + "). Add those blocks to its taps, set " + key + ".sourceTaps." + source
                    + ", or remove \"" + source + "\" from " + key + ".guidance.");
        }
        List<Integer> channels = new ArrayList<>();
        List<Integer> factors = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            FeatureInfo info = spec.maps().get(taps.get(i));
            int tapGrid = spec.gridSize(taps.get(i));
            int stageGrid = costGrid << (i + 1);
            if (tapGrid > stageGrid || stageGrid % tapGrid != 0) {
                throw new ComponentException(MISMATCH, key + ".guidance", me + " brings " + where + "." + taps.get(i)
                        + " (grid " + tapGrid + ") to the stage-" + (i + 1) + " grid " + stageGrid + " (cost grid "
                        + costGrid + " × " + (1 << (i + 1)) + ") with a 1×1 or k=s transposed convolution, which needs"
                        + " the stage grid to be a whole multiple of the tap grid. Change that encoder's inputSize or"
                        + " remove \"" + source + "\" from " + key + ".guidance.");
            }
            channels.add(info.channels());
            factors.add(stageGrid / tapGrid);
        }
        return new RsTransferModule.SourceLayout(source, taps, channels, factors);
    }

    private static FeatureSpec spec(BuildContext context, String source, String me, String keyPath) {
        FeatureSpec spec = context.encoders().get(source);
        if (spec == null) {
            throw new ComponentException(MISMATCH, keyPath, me + " takes guidance from image encoder \"" + source
                    + "\" (" + where(source) + "), but the experiment has " + (context.encoders().isEmpty() ? "none"
                    : String.join(", ", context.encoders().keySet().stream().sorted().toList()))
                    + ". Add it under " + where(source) + " or remove it from " + keyPath + ".");
        }
        return spec;
    }

    private static String where(String source) {
        return FeatureRef.MAIN.equals(source) ? "model.imageEncoder" : "model.auxEncoders." + source;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("RS-Transfer: two-stage upsampling decoder guided by projected intermediate features"
                + " of CLIP, RemoteCLIP and DINO (RSKT-Seg)");
    }
}
