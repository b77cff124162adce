package io.ovrsis.plugins.mlflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Config of the {@code mlflow} tracker.
 *
 * @param uri where runs go: a local path (relative paths resolve against the project folder) or a
 *     {@code file:} URI for a file store, or an {@code http(s)://} tracking-server URL
 * @param experiment the experiment name; created when absent (MLflow limit: 500 characters)
 * @param runName display name for the run; {@code null} keeps the name the runtime proposes
 * @param metricFlushSeconds tracking server only: metrics are buffered and sent at most this often
 *     (and whenever 1000 are waiting, and at the end of the run)
 */
public record MlflowTrackerConfig(
        @NotBlank String uri,
        @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String experiment,
        @Size(min = 1, max = 250) @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*",
                message = "must be non-blank without control characters")
        String runName,
        @Min(1) @Max(3600) int metricFlushSeconds) {

    /** Every key at its default: a file store {@code mlruns/} in the project, experiment {@code Default}. */
    public static MlflowTrackerConfig defaults() {
        return new MlflowTrackerConfig("mlruns", "Default", null, 5);
    }
}
