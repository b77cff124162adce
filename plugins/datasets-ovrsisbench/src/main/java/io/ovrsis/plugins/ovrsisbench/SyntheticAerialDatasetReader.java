package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code synthetic-aerial}: {@link #prepare} generates the dataset on first use (or checks the
 * existing folder), then everything is read back through the generic {@link IndexPngDataset}, the
 * same code path as the real OVRSISBench datasets.
 */
public final class SyntheticAerialDatasetReader implements DatasetReader {
    private final SyntheticAerialDatasetReaderConfig config;
    private final String keyPath;
    private volatile IndexPngDataset dataset;

    public SyntheticAerialDatasetReader(SyntheticAerialDatasetReaderConfig config, String keyPath) {
        this.config = config;
        this.keyPath = keyPath;
    }

    @Override
    public synchronized void prepare(PrepareContext context) {
        Path root = config.root() == null ? context.datasetsDir().resolve(SyntheticAerialDataset.NAME)
                : context.resolve(config.root());
        try {
            SyntheticAerialManifest manifest = SyntheticAerialDataset.ensure(root, config, keyPath, context::progress);
            dataset = SyntheticAerialDataset.open(root, manifest, keyPath);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate or open " + SyntheticAerialDataset.NAME + " in " + root, e);
        }
    }

    @Override
    public DatasetInfo info() {
        return prepared().info();
    }

    @Override
    public List<SampleRef> index(String split) throws IOException {
        return prepared().index(split);
    }

    @Override
    public Sample read(SampleRef ref) throws IOException {
        return prepared().read(ref);
    }

    private IndexPngDataset prepared() {
        IndexPngDataset d = dataset;
        if (d == null) {
            throw new IllegalStateException(SyntheticAerialDataset.NAME + " (" + keyPath + ") is used before prepare(): "
                    + "prepare() generates or checks the files and reads the class list");
        }
        return d;
    }
}
