package io.ovrsis.api.model;

/**
 * One named feature map an image encoder produces.
 *
 * @param channels number of channels C of the (B, C, h, w) map
 * @param stride input pixels per map cell (16 for a ViT-B/16 patch grid)
 */
public record FeatureInfo(int channels, int stride) {
}
