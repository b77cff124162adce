package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-vit-l14-336}: OpenAI CLIP ViT-L/14@336px (24×24 grid, no resize), taps 7 and 15. */
@Extension
public final class ClipVitL14At336ImageEncoderFactory extends ClipImageEncoderFactory {
    public ClipVitL14At336ImageEncoderFactory() {
        super("clip-vit-l14-336", new ClipImageEncoderConfig(1024, 24, 16, 14, 24, 768, 336, List.of(7, 15), true,
                true, Finetune.ATTENTION, 0.01, "pretrain/ViT-L-14-336px.pt", WeightsFormat.OPENAI, null),
                new ComponentInfo("OpenAI CLIP ViT-L/14@336px image tower, dense last block, taps 7 and 15",
                        List.of("clip-vit-l14-336.openai")));
    }
}
