package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.model.TextEncoderFactory;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code clip-text}: a CLIP text tower built entirely from its config. The defaults are a tiny,
 * randomly initialised demo tower (width 64, 2 blocks, 4 heads, output 64) with the {@code bytes}
 * tokenizer, so it needs no file; the presets fix the published architectures.
 */
@Extension
public class ClipTextEncoderFactory implements TextEncoderFactory<ClipTextEncoderConfig> {
    /** Default location of CLIP's BPE vocabulary. */
    public static final String VOCAB = "pretrain/bpe_simple_vocab_16e6.txt.gz";

    private final String id;
    private final ClipTextEncoderConfig defaults;
    private final ComponentInfo info;

    public ClipTextEncoderFactory() {
        this("clip-text", new ClipTextEncoderConfig(64, 2, 4, 64, 77, 258, TokenizerKind.BYTES, VOCAB,
                PromptTemplateSet.SINGLE, Finetune.ATTENTION, 0.01, null, WeightsFormat.OPENAI),
                new ComponentInfo("CLIP text tower built from its config; defaults: a tiny random demo tower"
                        + " with the bytes tokenizer", List.of()));
    }

    protected ClipTextEncoderFactory(String id, ClipTextEncoderConfig defaults, ComponentInfo info) {
        this.id = id;
        this.defaults = defaults;
        this.info = info;
    }

    /** The published text towers: CLIP BPE, context 77, vocabulary 49408, the given weight file. */
    static ClipTextEncoderConfig preset(int width, int heads, int outputDim, Finetune finetune, String weights,
            WeightsFormat format) {
        return new ClipTextEncoderConfig(width, 12, heads, outputDim, 77, 49408, TokenizerKind.BPE, VOCAB,
                PromptTemplateSet.SINGLE, finetune, 0.01, weights, format);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Class<ClipTextEncoderConfig> configType() {
        return ClipTextEncoderConfig.class;
    }

    @Override
    public final ClipTextEncoderConfig defaultConfig() {
        return defaults;
    }

    @Override
    public final TextEncoder create(ClipTextEncoderConfig config, BuildContext context) {
        List<String[]> problems = config.violations();
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder();
            for (String[] p : problems) {
                msg.append(msg.length() == 0 ? "" : "; ").append(context.keyPath()).append('.').append(p[0])
                        .append(": ").append(p[1]);
            }
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", context.keyPath() + "." + problems.get(0)[0],
                    msg.toString());
        }
        return new ClipTextEncoder(id, context.keyPath(), config);
    }

    @Override
    public final ComponentInfo info() {
        return info;
    }
}
