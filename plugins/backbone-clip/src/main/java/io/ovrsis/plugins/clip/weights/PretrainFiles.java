package io.ovrsis.plugins.clip.weights;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where CLIP's files are looked up and where they are published (for OVRSIS-WEIGHTS-MISSING). */
public final class PretrainFiles {
    /** The prefix that means "the pretrain directory" in config paths. */
    public static final String PREFIX = "pretrain/";

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

    /** {@code pretrain/x} → the pretrain directory's x; other relative paths → the project root. */
    public static Path resolve(PrepareContext ctx, String path) {
        if (path.startsWith(PREFIX)) {
            return ctx.pretrainDir().resolve(path.substring(PREFIX.length())).normalize();
        }
        return ctx.resolve(path);
    }

    /**
     * The file, or OVRSIS-WEIGHTS-MISSING naming the expected path and where the file is published.
     *
     * @param key the config key holding the path ({@code weights}, {@code vocab})
     * @param what what the file is, for the message
     * @param alternative what else the user can do, e.g. "set weights: null for random initialisation"
     */
    public static Path require(PrepareContext ctx, String key, String path, String what, String alternative) {
        Path file = resolve(ctx, path);
        if (!Files.isRegularFile(file)) {
            String name = file.getFileName() == null ? path : file.getFileName().toString();
            String source = PUBLISHED.get(name);
            throw new ComponentException("OVRSIS-WEIGHTS-MISSING", ctx.keyPath() + "." + key,
                    what + " " + file + " (" + ctx.keyPath() + "." + key + " = \"" + path + "\") does not exist. "
                            + (source == null ? "Put the file there"
                                    : "Put " + name + " (" + source + ") there under its published name")
                            + ", point " + key + " at it, or " + alternative + ".");
        }
        return file;
    }
}
