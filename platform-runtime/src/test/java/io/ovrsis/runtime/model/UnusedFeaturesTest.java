package io.ovrsis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.TensorModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CompositionCheck#unusedFeatures}: maps computed that no consumer reads. */
class UnusedFeaturesTest {

    private static ImageEncoder encoder(String... maps) {
        FeatureSpec.Builder b = FeatureSpec.builder().setInputSize(64);
        for (String m : maps) {
            b.addMap(m, 8, 8);
        }
        FeatureSpec spec = b.build();
        return new ImageEncoder() {
            @Override
            public FeatureSpec featureSpec() {
                return spec;
            }

            @Override
            public PreprocessSpec preprocess() {
                return PreprocessSpec.clip(64);
            }

            @Override
            public FeatureMaps encode(NDArray images, boolean training) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TensorModule module() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void namesEveryMapNoConsumerReads() {
        Map<String, ImageEncoder> encoders = new LinkedHashMap<>();
        encoders.put(FeatureRef.MAIN, encoder("dense", "block3", "block7"));
        encoders.put("remoteclip", encoder("dense", "block3", "block7"));
        Map<String, String> ids = Map.of(FeatureRef.MAIN, "clip-vit-b16", "remoteclip", "clip-vit-b32");
        Map<String, CompositionCheck.Consumer> consumers = new LinkedHashMap<>();
        consumers.put("model.aggregator", new CompositionCheck.Consumer("rscma", List.of(new FeatureRef(FeatureRef.MAIN, "dense"))));
        consumers.put("model.decoder", new CompositionCheck.Consumer("rstransfer", List.of(
                new FeatureRef(FeatureRef.MAIN, "block3"), new FeatureRef(FeatureRef.MAIN, "block7"),
                new FeatureRef("remoteclip", "block3"), new FeatureRef("remoteclip", "block7"))));
        List<String> unused = CompositionCheck.unusedFeatures(encoders, ids, consumers);
        assertThat(unused).hasSize(1);
        assertThat(unused.get(0)).contains("model.auxEncoders.remoteclip (clip-vit-b32)").contains("\"dense\"")
                .contains("finalOutput: false");
        consumers.put("model.fusion", new CompositionCheck.Consumer("x", List.of(new FeatureRef("remoteclip", "dense"))));
        assertThat(CompositionCheck.unusedFeatures(encoders, ids, consumers)).isEmpty();
    }
}
