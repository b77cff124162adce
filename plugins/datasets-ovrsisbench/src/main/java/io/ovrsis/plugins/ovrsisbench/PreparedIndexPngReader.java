package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import java.io.IOException;
import java.util.List;

/**
 * A reader whose {@code prepare()} locates (or generates) the files and then opens them as an
 * {@link IndexPngDataset}; every read goes through that one code path. Using it before
 * {@code prepare()} is an error saying what {@code prepare()} does.
 */
abstract class PreparedIndexPngReader implements DatasetReader {
    private final String name;
    private final String keyPath;
    private final String prepareDoes;
    private volatile IndexPngDataset opened;

    PreparedIndexPngReader(String name, String keyPath, String prepareDoes) {
        this.name = name;
        this.keyPath = keyPath;
        this.prepareDoes = prepareDoes;
    }

    /** Called by {@code prepare()} once the files are there. */
    final void open(IndexPngDataset dataset) {
        this.opened = dataset;
    }

    final String keyPath() {
        return keyPath;
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
        IndexPngDataset d = opened;
        if (d == null) {
            throw new IllegalStateException(name + " (" + keyPath + ") is used before prepare(): prepare() " + prepareDoes);
        }
        return d;
    }
}
