package io.ovrsis.plugins.dino;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.ImageEncoderFactory;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code dino-vit}: a DINO ViT built entirely from its config. The defaults are a tiny, randomly
 * initialised demo tower (width 64, 8 blocks, 4 heads, patch 8, 384 px, position grid 48 so no
 * resize, taps 3 and 7, frozen) that runs in seconds on a CPU; {@code dino-vitb8} fixes RSKT-Seg's
 * ViT-B/8 and its weight file.
 */
@Extension
public class DinoImageEncoderFactory implements ImageEncoderFactory<DinoImageEncoderConfig> {
    private final String id;
    private final DinoImageEncoderConfig defaults;
    private final ComponentInfo info;

    public DinoImageEncoderFactory() {
        this("dino-vit", new DinoImageEncoderConfig(64, 8, 4, 8, 48, 384, null, List.of(3, 7), true, Finetune.FROZEN,
                1.0, null),
                new ComponentInfo("DINO ViT image tower built from its config (final-norm last layer and block taps);"
                        + " defaults: a tiny random demo tower", List.of()));
    }

    protected DinoImageEncoderFactory(String id, DinoImageEncoderConfig defaults, ComponentInfo info) {
        this.id = id;
        this.defaults = defaults;
        this.info = info;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Class<DinoImageEncoderConfig> configType() {
        return DinoImageEncoderConfig.class;
    }

    @Override
    public final DinoImageEncoderConfig defaultConfig() {
        return defaults;
    }

    @Override
    public final ImageEncoder create(DinoImageEncoderConfig config, BuildContext context) {
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
        return new DinoImageEncoder(id, config);
    }

    @Override
    public final ComponentInfo info() {
        return info;
    }
}
