package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.DatasetReaderFactory;

/** Base of the factories of OVRSISBench datasets with train/val copies; subclasses name the dataset. */
public abstract class OvrsisBenchSplitReaderFactory implements DatasetReaderFactory<OvrsisBenchSplitDatasetReaderConfig> {

    /** The dataset this factory reads. */
    protected abstract OvrsisBenchDataset dataset();

    @Override
    public String id() {
        return dataset().id();
    }

    @Override
    public Class<OvrsisBenchSplitDatasetReaderConfig> configType() {
        return OvrsisBenchSplitDatasetReaderConfig.class;
    }

    @Override
    public OvrsisBenchSplitDatasetReaderConfig defaultConfig() {
        return new OvrsisBenchSplitDatasetReaderConfig(null, null, null, dataset().imageExtension());
    }

    @Override
    public DatasetReader create(OvrsisBenchSplitDatasetReaderConfig config, BuildContext context) {
        return new OvrsisBenchDatasetReader(dataset(), config.root(), config.splitRoot(), config.classesFile(),
                config.imageExtension(), context == null ? "" : context.keyPath());
    }

    @Override
    public ComponentInfo info() {
        OvrsisBenchDataset d = dataset();
        return ComponentInfo.of("OVRSISBench " + d.folder() + " (" + d.classes().size() + " classes, splits "
                + String.join("/", d.splitNames()) + ") from datasets/" + d.splitFolder() + " and datasets/" + d.folder());
    }
}
