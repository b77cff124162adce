/**
 * The {@code mlflow} run tracker (slot {@code tracking}).
 *
 * <p>Two backends behind one {@link io.ovrsis.api.track.RunTracker}:
 * <ul>
 *   <li>a local path or {@code file:} URI: {@link io.ovrsis.plugins.mlflow.FileStore} writes MLflow's
 *       FileStore layout itself ({@code mlruns/<experiment>/<run>/{meta.yaml, metrics, params, tags,
 *       artifacts}}), byte for byte as MLflow 2.x does, so that {@code mlflow ui} reads it;</li>
 *   <li>{@code http(s)://}: {@link io.ovrsis.plugins.mlflow.RestTracker} talks to a tracking server
 *       through the official Java client ({@code org.mlflow:mlflow-client}) and uploads artifacts with
 *       its own HTTP PUT to the server's {@code mlflow-artifacts} endpoint.</li>
 * </ul>
 * Keys, values and names are validated with MLflow's own rules ({@link
 * io.ovrsis.plugins.mlflow.MlflowRules}) before anything is written or sent.
 */
package io.ovrsis.plugins.mlflow;
