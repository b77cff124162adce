package io.ovrsis.api.track;

import java.io.IOException;
import java.util.Map;

/** A tracking backend; the experiment name and location come from its config. */
public interface RunTracker {

    /**
     * Starts a run in the configured experiment (created if absent).
     *
     * @param runName display name
     * @param tags initial tags (platform tags under {@code ovrsis.})
     */
    TrackedRun startRun(String runName, Map<String, String> tags) throws IOException;

    /** Where runs go, for messages ({@code mlruns/} or a server URL). */
    String location();
}
