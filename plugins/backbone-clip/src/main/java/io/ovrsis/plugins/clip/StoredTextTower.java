package io.ovrsis.plugins.clip;

import jakarta.validation.constraints.Min;

/**
 * Size of a CLIP text tower that an image encoder stores without running it
 * ({@code storedTextTower}); the paper's RemoteCLIP ViT-B/32 has {@link #clipB32()}.
 *
 * @param width residual width (512 for ViT-B, 768 for ViT-L/14)
 * @param layers transformer blocks (12)
 * @param heads attention heads (width / 64)
 * @param contextLength token positions (77)
 * @param vocabSize token-embedding rows (49,408)
 */
public record StoredTextTower(@Min(1) int width, @Min(1) int layers, @Min(1) int heads, @Min(1) int contextLength,
                              @Min(1) int vocabSize) {

    /** The text tower of OpenAI's and RemoteCLIP's ViT-B/32 (63,428,097 parameters with {@code logit_scale}). */
    public static StoredTextTower clipB32() {
        return new StoredTextTower(512, 12, 8, 77, 49408);
    }
}
