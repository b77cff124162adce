package io.ovrsis.runtime.weights;

import io.ovrsis.api.component.ComponentException;
import java.nio.file.Path;

/** The two error kinds of this package, each message starting with the file it is about. */
final class WeightsErrors {
    private WeightsErrors() {}

    /** The file is there but is not (or no longer) a checkpoint this reader can read. */
    static ComponentException format(Path file, String message) {
        return new ComponentException(TorchCheckpointReader.FORMAT_ERROR, "", file + ": " + message);
    }

    static ComponentException format(Path file, String message, Throwable cause) {
        return new ComponentException(
                TorchCheckpointReader.FORMAT_ERROR, "", file + ": " + message, cause);
    }

    /** The file, or the entry asked for, does not exist. */
    static ComponentException missing(Path file, String message) {
        return new ComponentException(TorchCheckpointReader.MISSING_ERROR, "", file + ": " + message);
    }
}
