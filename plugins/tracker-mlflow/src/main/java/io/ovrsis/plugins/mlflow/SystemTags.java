package io.ovrsis.plugins.mlflow;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags MLflow's fluent API puts on every run ({@code mlflow/utils/mlflow_tags.py}), and the run
 * name rule shared by both backends.
 */
final class SystemTags {
    static final String RUN_NAME = "mlflow.runName";
    static final String USER = "mlflow.user";
    static final String SOURCE_NAME = "mlflow.source.name";
    static final String SOURCE_TYPE = "mlflow.source.type";
    /** What {@code mlflow.source.name} shows when the caller passes none. */
    static final String DEFAULT_SOURCE_NAME = "ovrsis";

    private SystemTags() {
    }

    /** The OS user, as MLflow's fluent API records it in {@code user_id} and {@code mlflow.user}. */
    static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /**
     * The run's display name: the config's {@code runName}, else the caller's name, else the
     * caller's {@code mlflow.runName} tag, else {@code run-<yyyyMMdd-HHmmss>}. A caller name and a
     * different caller tag are a contradiction (MLflow rejects it too).
     */
    static String runName(String configRunName, String callerRunName, Map<String, String> callerTags, String keyPath) {
        String tagName = callerTags.get(RUN_NAME);
        if (callerRunName != null && tagName != null && !callerRunName.equals(tagName)) {
            throw MlflowRules.invalid(keyPath, "run name '" + callerRunName + "' and tag " + RUN_NAME + "='" + tagName
                    + "' disagree; pass one of them or the same value");
        }
        String name = configRunName != null ? configRunName : callerRunName != null ? callerRunName : tagName;
        if (name == null) {
            name = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        }
        MlflowRules.checkRunName(name, keyPath);
        return name;
    }

    /**
     * {@code mlflow.runName}, {@code mlflow.user}, {@code mlflow.source.name},
     * {@code mlflow.source.type=LOCAL}, then the caller's tags (which may set the source name,
     * git tags {@code mlflow.source.git.*}, {@code mlflow.note.content} or platform tags {@code ovrsis.*}).
     */
    static Map<String, String> forNewRun(String runName, String user, Map<String, String> callerTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RUN_NAME, runName);
        tags.put(USER, user);
        tags.put(SOURCE_NAME, DEFAULT_SOURCE_NAME);
        tags.put(SOURCE_TYPE, "LOCAL");
        for (Map.Entry<String, String> e : callerTags.entrySet()) {
            if (!e.getKey().equals(RUN_NAME)) {
                tags.put(e.getKey(), e.getValue());
            }
        }
        return tags;
    }
}
