package io.ovrsis.plugins.clip.weights;

import io.ovrsis.api.component.PrepareContext;
import java.nio.file.Path;
import java.util.Map;

/** Where CLIP's files are looked up and where they are published (for OVRSIS-WEIGHTS-MISSING). */
public final class PretrainFiles {
    private static final Map<String, String> PUBLISHED = Map.of(
            "ViT-B-16.pt", "OpenAI CLIP ViT-B/16, published by OpenAI (the download table _MODELS in"
                    + " openai/CLIP clip/clip.py)",
            "ViT-B-32.pt", "OpenAI CLIP ViT-B/32, published by OpenAI (the download table _MODELS in"
                    + " openai/CLIP clip/clip.py)",
            "ViT-L-14-336px.pt", "OpenAI CLIP ViT-L/14@336px, published by OpenAI (the download table _MODELS in"
                    + " openai/CLIP clip/clip.py)",
            "RemoteCLIP-ViT-B-32.pt", "RemoteCLIP ViT-B/32, published on the Hugging Face hub in chendelong/RemoteCLIP",
            "bpe_simple_vocab_16e6.txt.gz", "CLIP's BPE vocabulary, in the openai/CLIP repository"
                    + " (clip/bpe_simple_vocab_16e6.txt.gz; RSKT-Seg ships a copy in RSKT_Seg/third_party/)");

    private PretrainFiles() {
    }

    /** The file, or OVRSIS-WEIGHTS-MISSING naming the expected path and where the file is published. */
    public static Path require(PrepareContext ctx, String key, String path, String what, String alternative) {
        Path name = Path.of(path).getFileName();
        return ctx.requirePretrained(key, path, what, name == null ? null : PUBLISHED.get(name.toString()), alternative);
    }
}
