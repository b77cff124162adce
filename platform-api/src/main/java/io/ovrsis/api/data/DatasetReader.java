package io.ovrsis.api.data;

import io.ovrsis.api.component.Preparable;
import java.io.IOException;
import java.util.List;

/**
 * Reads one dataset. {@link #prepare} checks (or, for generated data, creates) the files; after
 * that {@link #index} lists a split and {@link #read} decodes one sample. Readers must be safe to
 * call from several loader threads.
 */
public interface DatasetReader extends Preparable {

    DatasetInfo info();

    List<SampleRef> index(String split) throws IOException;

    Sample read(SampleRef ref) throws IOException;
}
