package io.ovrsis.plugins.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.clip.nn.ClipTextTransformer;
import io.ovrsis.plugins.clip.text.BpeTokenizer;
import io.ovrsis.plugins.clip.text.ByteTokenizer;
import io.ovrsis.plugins.clip.text.ClipTokenizer;
import io.ovrsis.plugins.clip.text.PromptTemplates;
import io.ovrsis.plugins.clip.text.PromptTooLongException;
import io.ovrsis.plugins.clip.weights.ClipWeightLoader;
import io.ovrsis.plugins.clip.weights.PretrainFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CLIP text tower as a {@link TextEncoder}: every (class, template) prompt is tokenized, encoded
 * ({@code ln_final} at the EOT token, {@code @ text_projection}) and L2-normalised, giving (T, P, D);
 * templates are not averaged (method.md §1.2).
 *
 * <p>Outside training the result is cached per class list (the templates are fixed per encoder),
 * as the authors' {@code get_text_embeds} does; a training call drops the cache, because the
 * weights may change afterwards. A frozen tower is cached in training too; {@link #prepare} (new
 * weights) drops the cache.
 */
public final class ClipTextEncoder implements TextEncoder {
    private final String id;
    private final String keyPath;
    private final ClipTextEncoderConfig config;
    private final ClipTextTransformer text;
    private final List<String> templates;
    private ClipTokenizer tokenizer;
    private List<String> cachedClasses;
    private NDArray cached;
    private NDManager cacheManager;

    ClipTextEncoder(String id, String keyPath, ClipTextEncoderConfig config) {
        this.id = id;
        this.keyPath = keyPath;
        this.config = config;
        this.text = new ClipTextTransformer(config.width(), config.layers(), config.heads(), config.outputDim(),
                config.contextLength(), config.vocabSize());
        this.templates = config.templates().templates();
        this.tokenizer = config.tokenizer() == TokenizerKind.BYTES ? new ByteTokenizer(config.vocabSize()) : null;
        // trainability is known at build time, so parameter counts are right before any weights load
        ClipFinetuning.apply(text, config.finetune(), config.lrMultiplier());
    }

    @Override
    public TensorModule module() {
        return text;
    }

    public ClipTextEncoderConfig config() {
        return config;
    }

    @Override
    public int embeddingDim() {
        return config.outputDim();
    }

    @Override
    public List<String> templates() {
        return templates;
    }

    /** Token ids of one prompt, as {@code clip.tokenize} gives them (after {@link #prepare} for bpe). */
    public long[] tokenize(String prompt) {
        return tokenizer().tokenize(prompt, config.contextLength());
    }

    @Override
    public TextEmbeddings encode(List<String> classNames, NDManager manager, boolean training) {
        // a frozen tower's embeddings cannot change, so they are cached in training too
        boolean cacheable = !training || text.trainableParameterCount() == 0;
        if (!cacheable) {
            dropCache();
        } else if (cached != null && cachedClasses.equals(classNames)) {
            NDArray copy = cached.duplicate();
            copy.attach(manager);
            return new TextEmbeddings(copy, classNames, templates);
        }
        int t = classNames.size();
        int p = templates.size();
        long[][] tokens = new long[t * p][];
        int[] eot = new int[t * p];
        for (int c = 0; c < t; c++) {
            for (int k = 0; k < p; k++) {
                String prompt = PromptTemplates.fill(templates.get(k), classNames.get(c));
                long[] ids = tokenizeClass(prompt, classNames.get(c));
                tokens[c * p + k] = ids;
                eot[c * p + k] = argMax(ids);
            }
        }
        NDArray features = text.forward(tokens, eot, manager);
        NDArray embeddings = Ops.l2Normalize(features, 1, 1e-12f).reshape(t, p, config.outputDim());
        if (cacheable) {
            store(classNames, embeddings);
        }
        return new TextEmbeddings(embeddings, classNames, templates);
    }

    private long[] tokenizeClass(String prompt, String className) {
        try {
            return tokenizer().tokenize(prompt, config.contextLength());
        } catch (PromptTooLongException e) {
            throw new ComponentException("OVRSIS-TEXT-TOO-LONG", keyPath + ".contextLength",
                    "class name \"" + className + "\" gives the prompt \"" + prompt + "\" of " + e.tokens()
                            + " tokens (with start and end), more than contextLength " + e.contextLength()
                            + " of " + id + ". Shorten the class name in the dataset's class list.");
        }
    }

    private ClipTokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException(id + " (" + keyPath + "): the bpe tokenizer is read in prepare(),"
                    + " which was not called");
        }
        return tokenizer;
    }

    /** Position of the largest id: {@code text.argmax(dim=-1)}, the first one on ties. */
    private static int argMax(long[] ids) {
        int best = 0;
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] > ids[best]) {
                best = i;
            }
        }
        return best;
    }

    private void store(List<String> classNames, NDArray embeddings) {
        dropCache();
        if (cacheManager == null) {
            cacheManager = embeddings.getManager().getEngine().newBaseManager(embeddings.getDevice());
        }
        try (NDArray detached = embeddings.stopGradient()) {
            cached = detached.duplicate();
        }
        cached.attach(cacheManager);
        NDScope.unregister(cached);
        cachedClasses = List.copyOf(classNames);
    }

    private void dropCache() {
        if (cached != null) {
            cached.close();
            cached = null;
            cachedClasses = null;
        }
    }

    /** Reads the tokenizer vocabulary and the weight file (if any), then applies the finetune rule. */
    @Override
    public void prepare(PrepareContext context) {
        dropCache();
        if (config.tokenizer() == TokenizerKind.BPE) {
            Path vocab = PretrainFiles.require(context, "vocab", config.vocab(), "The CLIP BPE vocabulary",
                    "use tokenizer: bytes for a randomly initialised demo tower");
            try {
                tokenizer = BpeTokenizer.load(vocab);
            } catch (IOException | RuntimeException e) {
                throw new ComponentException("OVRSIS-WEIGHTS-READ", keyPath + ".vocab",
                        vocab + " is not a readable CLIP vocabulary (bpe_simple_vocab_16e6.txt.gz): " + e.getMessage(), e);
            }
        }
        if (config.weights() != null) {
            ClipWeightLoader.loadFile(context, config.weights(), text, ClipWeightLoader.Tower.TEXT,
                    config.weightsFormat(), id);
        }
        ClipFinetuning.apply(text, config.finetune(), config.lrMultiplier());
    }
}
