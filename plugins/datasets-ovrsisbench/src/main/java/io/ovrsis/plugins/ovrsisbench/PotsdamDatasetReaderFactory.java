package io.ovrsis.plugins.ovrsisbench;

import org.pf4j.Extension;

/** Component {@code potsdam}: OVRSISBench ISPRS Potsdam (6 classes; all). */
@Extension
public class PotsdamDatasetReaderFactory extends OvrsisBenchReaderFactory {

    @Override
    protected OvrsisBenchDataset dataset() {
        return OvrsisBenchDataset.POTSDAM;
    }
}
