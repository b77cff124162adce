package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code remoteclip-vit-b32}: RemoteCLIP ViT-B/32 at 768 px (24×24 grid), frozen, RSKT-Seg's
 * "RS-CLIP". RSKT-Seg reads only blocks 3 and 7 of it, so {@code finalOutput} defaults to false and
 * blocks 8..11 are not run (set it to true for the {@code dense} map).
 */
@Extension
public final class RemoteClipVitB32ImageEncoderFactory extends ClipImageEncoderFactory {
    public RemoteClipVitB32ImageEncoderFactory() {
        super("remoteclip-vit-b32", new ClipImageEncoderConfig(768, 12, 12, 32, 7, 512, 768, List.of(3, 7), true,
                false, Finetune.FROZEN, 0.01, "pretrain/RemoteCLIP-ViT-B-32.pt", WeightsFormat.REMOTECLIP, null),
                new ComponentInfo("RemoteCLIP ViT-B/32 image tower at 768 px, frozen, taps 3 and 7",
                        List.of("clip-vit-b32.remoteclip")));
    }
}
