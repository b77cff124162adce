package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.DatasetReaderFactory;

/** Base of the factories of single-folder OVRSISBench datasets; subclasses name the dataset. */
public abstract class OvrsisBenchReaderFactory implements DatasetReaderFactory<OvrsisBenchDatasetReaderConfig> {

    /** The dataset this factory reads. */
    protected abstract OvrsisBenchDataset dataset();

    @Override
    public String id() {
        return dataset().id();
    }

    @Override
    public Class<OvrsisBenchDatasetReaderConfig> configType() {
        return OvrsisBenchDatasetReaderConfig.class;
    }

    @Override
    public OvrsisBenchDatasetReaderConfig defaultConfig() {
        return new OvrsisBenchDatasetReaderConfig(null, null, dataset().imageExtension());
    }

    @Override
    public DatasetReader create(OvrsisBenchDatasetReaderConfig config, BuildContext context) {
        return new OvrsisBenchDatasetReader(dataset(), config.root(), null, config.classesFile(), config.imageExtension(),
                context == null ? "" : context.keyPath());
    }

    @Override
    public ComponentInfo info() {
        OvrsisBenchDataset d = dataset();
        return ComponentInfo.of("OVRSISBench " + d.folder() + " (" + d.classes().size() + " classes, splits "
                + String.join("/", d.splitNames()) + ") from datasets/" + d.folder());
    }
}
