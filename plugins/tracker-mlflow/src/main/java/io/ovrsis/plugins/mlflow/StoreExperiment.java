package io.ovrsis.plugins.mlflow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment of a file store, as its {@code meta.yaml} describes it.
 *
 * @param dir the experiment folder ({@code mlruns/<id>}, or under {@code .trash/} when deleted)
 */
record StoreExperiment(String id, String name, String artifactLocation, String lifecycleStage, Path dir) {

    boolean active() {
        return "active".equals(lifecycleStage);
    }

    /** {@code meta.yaml} of a new experiment ({@code _create_experiment_with_id}). */
    static String newMetaYaml(String id, String name, String artifactLocation, long creationMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artifact_location", artifactLocation);
        m.put("creation_time", creationMs);
        m.put("experiment_id", id);
        m.put("last_update_time", creationMs);
        m.put("lifecycle_stage", "active");
        m.put("name", name);
        return PyYamlWriter.dump(m);
    }
}
