package io.ovrsis.plugins.clip.nn;

/**
 * OpenAI's whole {@code CLIP} module: the text tower's parameters at the root and the image tower
 * under {@code visual.}, so parameter names equal the checkpoint's keys. Used where an image encoder
 * must hold a text tower it never runs (the authors' RemoteCLIP, method.md §5).
 */
public final class ClipModel extends ClipTextTransformer {
    private final ClipVisionTransformer visual;

    /** Wraps {@code visual} and builds a standard CLIP text tower of the given size next to it. */
    public ClipModel(ClipVisionTransformer visual, int textWidth, int textLayers, int textHeads, int outputDim,
                     int contextLength, int vocabSize) {
        super(textWidth, textLayers, textHeads, outputDim, contextLength, vocabSize);
        this.visual = child("visual", visual);
    }

    public ClipVisionTransformer visual() {
        return visual;
    }
}
