package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.DatasetReaderFactory;
import org.pf4j.Extension;

/** Component {@code synthetic-aerial}: a seeded, generated aerial-scene dataset with 8 classes. */
@Extension
public class SyntheticAerialDatasetReaderFactory implements DatasetReaderFactory<SyntheticAerialDatasetReaderConfig> {

    @Override
    public String id() {
        return SyntheticAerialDataset.NAME;
    }

    @Override
    public Class<SyntheticAerialDatasetReaderConfig> configType() {
        return SyntheticAerialDatasetReaderConfig.class;
    }

    @Override
    public SyntheticAerialDatasetReaderConfig defaultConfig() {
        return SyntheticAerialDatasetReaderConfig.defaults();
    }

    @Override
    public DatasetReader create(SyntheticAerialDatasetReaderConfig config, BuildContext context) {
        return new SyntheticAerialDatasetReader(config, context == null ? "" : context.keyPath());
    }

    @Override
    public ComponentInfo info() {
        return ComponentInfo.of("Generated aerial scenes (building, road, tree, low vegetation, water, car, bare soil, "
                + "impervious surface) in the OVRSISBench layout; created on first use");
    }
}
