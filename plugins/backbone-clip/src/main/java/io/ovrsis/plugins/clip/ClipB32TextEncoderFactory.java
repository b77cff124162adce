package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-text-b32}: OpenAI CLIP ViT-B/32 text tower (BPE, context 77). */
@Extension
public final class ClipB32TextEncoderFactory extends ClipTextEncoderFactory {
    public ClipB32TextEncoderFactory() {
        super("clip-text-b32", preset(512, 8, 512, Finetune.ATTENTION, "pretrain/ViT-B-32.pt", WeightsFormat.OPENAI),
                new ComponentInfo("OpenAI CLIP ViT-B/32 text tower (BPE, context 77)", List.of("clip-vit-b32.openai")));
    }
}
