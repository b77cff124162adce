package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-vit-b32}: OpenAI CLIP ViT-B/32 at 224 px (7×7 grid). */
@Extension
public final class ClipVitB32ImageEncoderFactory extends ClipImageEncoderFactory {
    public ClipVitB32ImageEncoderFactory() {
        super("clip-vit-b32", new ClipImageEncoderConfig(768, 12, 12, 32, 7, 512, 224, List.of(3, 7), true, true,
                Finetune.ATTENTION, 0.01, "pretrain/ViT-B-32.pt", WeightsFormat.OPENAI, null),
                new ComponentInfo("OpenAI CLIP ViT-B/32 image tower at 224 px, dense last block, taps 3 and 7",
                        List.of("clip-vit-b32.openai")));
    }
}
