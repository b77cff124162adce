package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code clip-vit-b16}: OpenAI CLIP ViT-B/16 at 384 px (24×24 grid), RSKT-Seg's "RI-CLIP". */
@Extension
public final class ClipVitB16ImageEncoderFactory extends ClipImageEncoderFactory {
    public ClipVitB16ImageEncoderFactory() {
        super("clip-vit-b16", new ClipImageEncoderConfig(768, 12, 12, 16, 14, 512, 384, List.of(3, 7), true, true,
                Finetune.ATTENTION, 0.01, "pretrain/ViT-B-16.pt", WeightsFormat.OPENAI, null),
                new ComponentInfo("OpenAI CLIP ViT-B/16 image tower at 384 px, dense last block, taps 3 and 7",
                        List.of("clip-vit-b16.openai")));
    }
}
