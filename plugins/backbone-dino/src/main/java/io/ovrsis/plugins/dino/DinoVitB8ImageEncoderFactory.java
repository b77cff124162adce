package io.ovrsis.plugins.dino;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code dino-vitb8}: GSNet's "Specialist RSI Backbone" (RSIB, DINO v1 ViT-B/8: width 768, 12
 * blocks, 12 heads, position grid 28), RSKT-Seg's frozen "RS-DINO", at 384 px (48×48 patches) with
 * the authors' hard-coded position-table scale factor 1.717857142857143; taps 3 and 7 for
 * RS-Transfer, {@code dense} for RS-CMA's extra cost; weights {@code pretrain/RSIB.pth}.
 */
@Extension
public final class DinoVitB8ImageEncoderFactory extends DinoImageEncoderFactory {
    public DinoVitB8ImageEncoderFactory() {
        super("dino-vitb8", new DinoImageEncoderConfig(768, 12, 12, 8, 28, 384, DinoImageEncoderConfig.RSKT_SCALE_FACTOR,
                List.of(3, 7), true, Finetune.FROZEN, 1.0, "pretrain/RSIB.pth"),
                new ComponentInfo("GSNet's RSIB DINO ViT-B/8 at 384 px, frozen, final-norm taps 3 and 7 and last layer",
                        List.of("dino-vitb8.rsib")));
    }
}
