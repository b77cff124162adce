package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code vaihingen}: OVRSISBench ISPRS Vaihingen (6 classes; all). */
@Extension
public class VaihingenDatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.VAIHINGEN;
    }
}
