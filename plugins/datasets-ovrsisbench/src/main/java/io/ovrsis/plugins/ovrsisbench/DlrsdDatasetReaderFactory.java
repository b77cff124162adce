package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code dlrsd}: OVRSISBench DLRSD (17 classes; train, val, all). */
@Extension
public class DlrsdDatasetReaderFactory extends OvrsisBenchSplitReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.DLRSD;
    }
}
