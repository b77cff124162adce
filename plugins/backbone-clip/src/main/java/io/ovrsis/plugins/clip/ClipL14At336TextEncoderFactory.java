package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-text-l14-336}: OpenAI CLIP ViT-L/14@336px text tower (BPE, context 77). */
@Extension
public final class ClipL14At336TextEncoderFactory extends ClipTextEncoderFactory {
    public ClipL14At336TextEncoderFactory() {
        super("clip-text-l14-336", preset(768, 12, 768, Finetune.ATTENTION, "pretrain/ViT-L-14-336px.pt", WeightsFormat.OPENAI),
                new ComponentInfo("OpenAI CLIP ViT-L/14@336px text tower (BPE, context 77)", List.of("clip-vit-l14-336.openai")));
    }
}
