package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code isaid}: OVRSISBench iSAID (15 classes; train, val, all). */
@Extension
public class IsaidDatasetReaderFactory extends OvrsisBenchSplitReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.ISAID;
    }
}
