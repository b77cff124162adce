package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-text-b16}: OpenAI CLIP ViT-B/16 text tower (BPE, context 77). */
@Extension
public final class ClipB16TextEncoderFactory extends ClipTextEncoderFactory {
    public ClipB16TextEncoderFactory() {
        super("clip-text-b16", preset(512, 8, 512, Finetune.ATTENTION, "pretrain/ViT-B-16.pt", WeightsFormat.OPENAI),
                new ComponentInfo("OpenAI CLIP ViT-B/16 text tower (BPE, context 77)", List.of("clip-vit-b16.openai")));
    }
}
