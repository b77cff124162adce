package io.ovrsis.runtime.plugin;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.DatasetReaderFactory;
import org.pf4j.Extension;

/** A third-party style component packed into temporary plugin jars by {@link PluginHostTest}. */
@Extension
public final class FakeEncoderFactory implements DatasetReaderFactory<FakeEncoderFactory.Config> {

    /** Its config. */
    public record Config(int size) {
    }

    @Override
    public String id() {
        return "fake-dataset";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return new Config(1);
    }

    @Override
    public DatasetReader create(Config config, BuildContext context) {
        throw new UnsupportedOperationException("only discovery is tested");
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("a fake dataset for discovery tests");
    }
}
