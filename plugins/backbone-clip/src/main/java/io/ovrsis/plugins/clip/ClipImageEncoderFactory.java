package io.ovrsis.plugins.clip;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.ImageEncoderFactory;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code clip-vit}: a CLIP ViT image tower built entirely from its config. The defaults are a tiny,
 * randomly initialised demo tower (width 64, 8 blocks, 4 heads, patch 16, 384 px, taps 3 and 7,
 * output 64) that runs in seconds on a CPU; the presets in this package fix the published
 * architectures and their weight files.
 */
@Extension
public class ClipImageEncoderFactory implements ImageEncoderFactory<ClipImageEncoderConfig> {
    private final String id;
    private final ClipImageEncoderConfig defaults;
    private final ComponentInfo info;

    public ClipImageEncoderFactory() {
        this("clip-vit", new ClipImageEncoderConfig(64, 8, 4, 16, 24, 64, 384, List.of(3, 7), true, true,
                Finetune.ATTENTION, 0.01, null, WeightsFormat.OPENAI, null),
                new ComponentInfo("CLIP ViT image tower built from its config (dense last block, block taps);"
                        + " defaults: a tiny random demo tower", List.of()));
    }

    protected ClipImageEncoderFactory(String id, ClipImageEncoderConfig defaults, ComponentInfo info) {
        this.id = id;
        this.defaults = defaults;
        this.info = info;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Class<ClipImageEncoderConfig> configType() {
        return ClipImageEncoderConfig.class;
    }

    @Override
    public final ClipImageEncoderConfig defaultConfig() {
        return defaults;
    }

    @Override
    public final ImageEncoder create(ClipImageEncoderConfig config, BuildContext context) {
        List<String[]> problems = config.violations();
        if (!problems.isEmpty()) {
            String[] first = problems.get(0);
            StringBuilder msg = new StringBuilder();
            for (String[] p : problems) {
                msg.append(msg.length() == 0 ? "" : "; ").append(context.keyPath()).append('.').append(p[0])
                        .append(": ").append(p[1]);
            }
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", context.keyPath() + "." + first[0], msg.toString());
        }
        return new ClipImageEncoder(id, context.keyPath(), config);
    }

    @Override
    public final ComponentInfo info() {
        return info;
    }
}
