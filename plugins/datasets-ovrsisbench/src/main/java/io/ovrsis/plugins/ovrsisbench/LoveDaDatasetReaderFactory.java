package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code loveda}: OVRSISBench LoveDA (8 classes; all). */
@Extension
public class LoveDaDatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.LOVEDA;
    }
}
