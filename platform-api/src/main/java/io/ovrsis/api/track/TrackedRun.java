package io.ovrsis.api.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run being logged. {@link #close()} without {@link #end} ends the run as FAILED, so that no run
 * stays RUNNING.
 */
public interface TrackedRun extends AutoCloseable {

    String runId();

    String experimentId();

    /** Params are write-once: the same value again is fine, a different value is an error. */
    void logParams(Map<String, String> params) throws IOException;

    void logMetric(String key, double value, long step) throws IOException;

    default void logMetrics(Map<String, Double> values, long step) throws IOException {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            logMetric(e.getKey(), e.getValue(), step);
        }
    }

    void setTag(String key, String value) throws IOException;

    /** Copies a local file to {@code artifactPath} (a relative path, '/'-separated). */
    void logArtifact(Path localFile, String artifactPath) throws IOException;

    void logArtifact(byte[] content, String artifactPath) throws IOException;

    void end(RunStatus status) throws IOException;

    /** True once {@link #end} was called. */
    boolean ended();

    @Override
    default void close() throws IOException {
        if (!ended()) {
            end(RunStatus.FAILED);
        }
    }
}
