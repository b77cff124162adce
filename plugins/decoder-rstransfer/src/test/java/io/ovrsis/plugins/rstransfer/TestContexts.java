package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.model.FeatureSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Encoder specs of the paper's ViT-B/16 and ViT-L/14@336 models and of a tiny demo model. */
final class TestContexts {
    private TestContexts() {
    }

    static FeatureSpec clipB16() {
        return FeatureSpec.builder().setInputSize(384).addMap("dense", 512, 16).addMap("block3", 768, 16)
                .addMap("block7", 768, 16).build();
    }

    static FeatureSpec clipL14() {
        return FeatureSpec.builder().setInputSize(336).addMap("dense", 768, 14).addMap("block7", 1024, 14)
                .addMap("block15", 1024, 14).build();
    }

    static FeatureSpec remoteClipB32() {
        return FeatureSpec.builder().setInputSize(768).addMap("block3", 768, 32).addMap("block7", 768, 32).build();
    }

    static FeatureSpec dinoB8() {
        return FeatureSpec.builder().setInputSize(384).addMap("dense", 768, 8).addMap("block3", 768, 8)
                .addMap("block7", 768, 8).build();
    }

    static BuildContext vitB16() {
        return context(Map.of("imageEncoder", clipB16(), "remoteclip", remoteClipB32(), "dino", dinoB8()), 512);
    }

    static BuildContext vitL14() {
        return context(Map.of("imageEncoder", clipL14(), "remoteclip", remoteClipB32(), "dino", dinoB8()), 768);
    }

    /** Grid 8 for the main and RemoteCLIP-like encoders, 16 for the DINO-like one; text dim 32. */
    static BuildContext tiny() {
        Map<String, FeatureSpec> m = new LinkedHashMap<>();
        m.put("imageEncoder", FeatureSpec.builder().setInputSize(128).addMap("dense", 32, 16).addMap("block3", 48, 16)
                .addMap("block7", 48, 16).build());
        m.put("remoteclip", FeatureSpec.builder().setInputSize(256).addMap("block3", 64, 32).addMap("block7", 64, 32)
                .build());
        m.put("dino", FeatureSpec.builder().setInputSize(128).addMap("dense", 96, 8).addMap("block3", 96, 8)
                .addMap("block7", 96, 8).build());
        return context(m, 32);
    }

    static BuildContext context(Map<String, FeatureSpec> encoders, Integer textDim) {
        return new BuildContext("model.decoder", Path.of("."), encoders, Optional.ofNullable(textDim), 7L);
    }
}
