package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.track.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code meta.yaml} as MLflow's FileStore persists it ({@code _make_persisted_run_info_dict}):
 * status as an int, {@code source_type: 4}, the legacy keys, {@code tags: []}, {@code run_uuid = run_id};
 * {@code deleted_time: null} only in the file written at creation.
 */
record RunMeta(
        String runId, String experimentId, String runName, String artifactUri, String userId,
        long startTimeMs, Long endTimeMs, RunStatus status, boolean withDeletedTime) {

    /** SourceType.LOCAL in MLflow's entities. */
    static final int SOURCE_TYPE_LOCAL = 4;

    static RunMeta created(String runId, String experimentId, String runName, String artifactUri, String userId, long startMs) {
        return new RunMeta(runId, experimentId, runName, artifactUri, userId, startMs, null, RunStatus.RUNNING, true);
    }

    /** The rewrite at the end of the run: status and end time set, {@code deleted_time} dropped. */
    RunMeta ended(RunStatus finalStatus, long endMs) {
        return new RunMeta(runId, experimentId, runName, artifactUri, userId, startTimeMs, endMs, finalStatus, false);
    }

    RunMeta renamed(String newName) {
        return new RunMeta(runId, experimentId, newName, artifactUri, userId, startTimeMs, endTimeMs, status, withDeletedTime);
    }

    String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artifact_uri", artifactUri);
        if (withDeletedTime) {
            m.put("deleted_time", null);
        }
        m.put("end_time", endTimeMs);
        m.put("entry_point_name", "");
        m.put("experiment_id", experimentId);
        m.put("lifecycle_stage", "active");
        m.put("run_id", runId);
        m.put("run_name", runName);
        m.put("run_uuid", runId);
        m.put("source_name", "");
        m.put("source_type", SOURCE_TYPE_LOCAL);
        m.put("source_version", "");
        m.put("start_time", startTimeMs);
        m.put("status", status.code());
        m.put("tags", List.of());
        m.put("user_id", userId);
        return PyYamlWriter.dump(m);
    }
}
