package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.ComponentInfo;
import java.util.List;
import org.pf4j.Extension;

/** {@code remoteclip-text-b32}: RemoteCLIP ViT-B/32 text tower (BPE, context 77), frozen. */
@Extension
public final class RemoteClipB32TextEncoderFactory extends ClipTextEncoderFactory {
    public RemoteClipB32TextEncoderFactory() {
        super("remoteclip-text-b32", preset(512, 8, 512, Finetune.FROZEN, "pretrain/RemoteCLIP-ViT-B-32.pt", WeightsFormat.REMOTECLIP),
                new ComponentInfo("RemoteCLIP ViT-B/32 text tower (BPE, context 77), frozen", List.of("clip-vit-b32.remoteclip")));
    }
}
