package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code udd5}: OVRSISBench UDD5 (5 classes; all; .JPG images). */
@Extension
public class Udd5DatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.UDD5;
    }
}
