package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code uavid}: OVRSISBench UAVid (8 classes; all). */
@Extension
public class UavidDatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.UAVID;
    }
}
