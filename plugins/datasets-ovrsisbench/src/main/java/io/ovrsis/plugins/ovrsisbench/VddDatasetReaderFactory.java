package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code vdd}: OVRSISBench VDD (7 classes; all; .JPG images). */
@Extension
public class VddDatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.VDD;
    }
}
