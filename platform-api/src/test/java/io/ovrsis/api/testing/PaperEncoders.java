package io.ovrsis.api.testing;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.model.FeatureSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Build contexts for head components: the encoder specs of the paper's ViT-B/16 and ViT-L/14@336
 * models (CLIP, RemoteCLIP B/32 at 768 px, DINO B/8) and of a tiny model for CPU shape tests.
 */
public final class PaperEncoders {
    private PaperEncoders() {
    }

    public static FeatureSpec clipB16() {
        return FeatureSpec.builder().setInputSize(384).addMap("dense", 512, 16).addMap("block3", 768, 16)
                .addMap("block7", 768, 16).build();
    }

    public static FeatureSpec clipL14() {
        return FeatureSpec.builder().setInputSize(336).addMap("dense", 768, 14).addMap("block7", 1024, 14)
                .addMap("block15", 1024, 14).build();
    }

    public static FeatureSpec remoteClipB32() {
        return FeatureSpec.builder().setInputSize(768).addMap("block3", 768, 32).addMap("block7", 768, 32).build();
    }

    public static FeatureSpec dinoB8() {
        return FeatureSpec.builder().setInputSize(384).addMap("dense", 768, 8).addMap("block3", 768, 8)
                .addMap("block7", 768, 8).build();
    }

    public static BuildContext vitB16(String keyPath) {
        return context(keyPath, Map.of("imageEncoder", clipB16(), "remoteclip", remoteClipB32(), "dino", dinoB8()), 512);
    }

    public static BuildContext vitL14(String keyPath) {
        return context(keyPath, Map.of("imageEncoder", clipL14(), "remoteclip", remoteClipB32(), "dino", dinoB8()), 768);
    }

    /** Grid 8 for the main and RemoteCLIP-like encoders, 16 for the DINO-like one; text dim 32. */
    public static BuildContext tiny(String keyPath) {
        Map<String, FeatureSpec> m = new LinkedHashMap<>();
        m.put("imageEncoder", FeatureSpec.builder().setInputSize(128).addMap("dense", 32, 16).addMap("block3", 48, 16)
                .addMap("block7", 48, 16).build());
        m.put("remoteclip", FeatureSpec.builder().setInputSize(256).addMap("block3", 64, 32).addMap("block7", 64, 32)
                .build());
        m.put("dino", FeatureSpec.builder().setInputSize(128).addMap("dense", 96, 8).addMap("block3", 96, 8)
                .addMap("block7", 96, 8).build());
        return context(keyPath, m, 32);
    }

    public static BuildContext context(String keyPath, Map<String, FeatureSpec> encoders, Integer textDim) {
        return new BuildContext(keyPath, Path.of("."), encoders, Optional.ofNullable(textDim), 7L);
    }
}
