package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.PrepareContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code synthetic-aerial}: {@link #prepare} generates the dataset on first use (or checks the
 * existing folder), then everything is read back through the generic {@link IndexPngDataset}, the
 * same code path as the real OVRSISBench datasets.
 */
public final class SyntheticAerialDatasetReader extends PreparedIndexPngReader {
    private final SyntheticAerialDatasetReaderConfig config;

    public SyntheticAerialDatasetReader(SyntheticAerialDatasetReaderConfig config, String keyPath) {
        super(SyntheticAerialDataset.NAME, keyPath, "generates or checks the files and reads the class list");
        this.config = config;
    }

    @Override
    public synchronized void prepare(PrepareContext context) {
        Path root = config.root() == null ? context.datasetsDir().resolve(SyntheticAerialDataset.NAME)
                : context.resolve(config.root());
        try {
            SyntheticAerialManifest manifest = SyntheticAerialDataset.ensure(root, config, keyPath(), context::progress);
            open(SyntheticAerialDataset.open(root, manifest, keyPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate or open " + SyntheticAerialDataset.NAME + " in " + root, e);
        }
    }
}
