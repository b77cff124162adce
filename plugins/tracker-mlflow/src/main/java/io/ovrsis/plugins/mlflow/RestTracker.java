package io.ovrsis.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunTracker;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs runs to an MLflow tracking server through the official Java client
 * ({@code org.mlflow:mlflow-client}): experiment get-or-create, {@code runs/create} with the system
 * tags, batched {@code runs/log-batch}, artifacts by HTTP PUT ({@link ArtifactUploader}) and
 * {@code runs/update} with the final status. Nothing is sent before {@link #startRun}.
 */
final class RestTracker implements RunTracker {
    private static final Logger LOG = LoggerFactory.getLogger(RestTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverUrl;
    private final MlflowTrackerConfig config;
    private final String keyPath;
    private final Map<String, String> env;

    RestTracker(String serverUrl, MlflowTrackerConfig config, String keyPath, Map<String, String> env) {
        this.serverUrl = serverUrl;
        this.config = config;
        this.keyPath = keyPath;
        this.env = Map.copyOf(env);
    }

    @Override
    public TrackedRun startRun(String runName, Map<String, String> tags) throws IOException {
        Map<String, String> callerTags = tags == null ? Map.of() : tags;
        String name = SystemTags.runName(config.runName(), runName, callerTags, keyPath);
        String user = SystemTags.osUser();
        Map<String, String> allTags = SystemTags.forNewRun(name, user, callerTags);
        for (Map.Entry<String, String> t : allTags.entrySet()) {
            MlflowRules.checkKey("tag", t.getKey(), keyPath);
            MlflowRules.checkTagValue(t.getKey(), t.getValue(), keyPath);
        }
        if (env.containsKey(ServerAuth.SERVER_CERT_PATH) || env.containsKey(ServerAuth.CLIENT_CERT_PATH)) {
            LOG.warn("{} / {} are not used by the Java tracker; import the CA into the JVM trust store"
                    + " (-Djavax.net.ssl.trustStore=...) instead", ServerAuth.SERVER_CERT_PATH, ServerAuth.CLIENT_CERT_PATH);
        }
        ServerAuth auth = ServerAuth.fromEnv(env);
        ServerHttp http = new ServerHttp(auth, timeoutMs());
        MlflowClient client = new MlflowClient(auth.hostCreds(serverUrl));
        try {
            String experimentId = experimentId(client, http, config.experiment());
            Service.CreateRun.Builder create = Service.CreateRun.newBuilder()
                    .setExperimentId(experimentId)
                    .setRunName(name)
                    .setStartTime(System.currentTimeMillis())
                    .setUserId(user);
            allTags.forEach((k, v) -> create.addTags(Service.RunTag.newBuilder().setKey(k).setValue(v)));
            Service.RunInfo info = call("runs/create", () -> client.createRun(create.build()));
            ArtifactUploader uploader = ArtifactUploader.forRun(info.getArtifactUri(), serverUrl, http, keyPath);
            return new RestRun(client, info, uploader, config.metricFlushSeconds(), keyPath, serverUrl);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Get-or-create by name (platform-notes §4.9); a deleted experiment is an error with a hint. */
    private String experimentId(MlflowClient client, ServerHttp http, String name) throws IOException {
        Optional<JsonNode> found = experimentByName(http, name);
        if (found.isEmpty()) {
            try {
                return client.createExperiment(name);
            } catch (MlflowHttpException e) {
                if (!"RESOURCE_ALREADY_EXISTS".equals(errorCode(e))) {
                    throw serverError("experiments/create", e);
                }
                found = experimentByName(http, name); // created meanwhile by another client
                if (found.isEmpty()) {
                    throw serverError("experiments/create", e);
                }
            } catch (MlflowClientException e) {
                throw unreachable("experiments/create", e);
            }
        }
        JsonNode exp = found.get();
        String id = exp.path("experiment_id").asText();
        if ("deleted".equals(exp.path("lifecycle_stage").asText())) {
            throw new ComponentException(FileStore.EXPERIMENT_DELETED, keyPath + ".experiment", "the MLflow experiment '" + name
                    + "' (id " + id + ") on " + serverUrl + " is deleted. Restore it (mlflow experiments restore"
                    + " --experiment-id " + id + ") or use another experiment name.");
        }
        if (id.isEmpty()) {
            throw new IOException("MLflow server " + serverUrl + " answered experiments/get-by-name without an experiment_id");
        }
        return id;
    }

    /**
     * {@code GET experiments/get-by-name}: the experiment, or empty on 404. Sent directly (the
     * official client would retry the expected 404 three times); retried on I/O errors and 5xx.
     */
    private Optional<JsonNode> experimentByName(ServerHttp http, String name) throws IOException {
        String url = serverUrl + "/api/2.0/mlflow/experiments/get-by-name?experiment_name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (attempt > 1) {
                sleep(1000L * (attempt - 1));
            }
            ServerHttp.Response r;
            try {
                r = http.get(url);
            } catch (java.net.ConnectException e) {
                throw new IOException("MLflow server call experiments/get-by-name failed: cannot connect to " + serverUrl
                        + " (" + e.getMessage() + "); is the tracking server running?", e);
            } catch (IOException e) {
                last = new IOException("MLflow server call experiments/get-by-name failed: " + e, e);
                continue;
            }
            if (r.status() == 200) {
                return Optional.of(JSON.readTree(r.body()).path("experiment"));
            }
            String code = errorCode(r.body());
            if (r.status() == 404 && "RESOURCE_DOES_NOT_EXIST".equals(code)) {
                return Optional.empty();
            }
            last = new IOException("MLflow server refused experiments/get-by-name: HTTP " + r.status()
                    + (code == null ? "" : " " + code) + ": " + shorten(r.body())
                    + (r.status() == 404 && code == null ? " (is " + serverUrl + " an MLflow tracking server? check the URL and path prefix)" : ""));
            boolean transientStatus = r.status() == 408 || r.status() == 429 || r.status() >= 500;
            if (!transientStatus) {
                throw last;
            }
        }
        throw last;
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while contacting the MLflow server", e);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private int timeoutMs() {
        String s = env.get("MLFLOW_HTTP_REQUEST_TIMEOUT");
        try {
            return s == null ? 120_000 : Math.max(1, Integer.parseInt(s.strip())) * 1000;
        } catch (NumberFormatException e) {
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", keyPath,
                    "MLFLOW_HTTP_REQUEST_TIMEOUT='" + s + "' is not a whole number of seconds");
        }
    }

    @Override
    public String location() {
        return serverUrl;
    }

    interface Call<T> {
        T run();
    }

    /** Runs a client call, turning its unchecked errors into IOExceptions naming the endpoint. */
    static <T> T call(String endpoint, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (MlflowHttpException e) {
            throw serverError(endpoint, e);
        } catch (MlflowClientException e) {
            throw unreachable(endpoint, e);
        }
    }

    static IOException serverError(String endpoint, MlflowHttpException e) {
        String code = errorCode(e);
        return new IOException("MLflow server refused " + endpoint + ": HTTP " + e.getStatusCode()
                + (code == null ? "" : " " + code) + ": " + message(e), e);
    }

    static IOException unreachable(String endpoint, MlflowClientException e) {
        return new IOException("MLflow server call " + endpoint + " failed: " + e.getMessage()
                + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
    }

    /** {@code error_code} of an MLflow error body ({@code {"error_code": "...", "message": "..."}}), if any. */
    static String errorCode(MlflowHttpException e) {
        return errorCode(e.getBodyMessage());
    }

    static String errorCode(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return json != null && json.hasNonNull("error_code") ? json.get("error_code").asText() : null;
        } catch (IOException notJson) {
            return null; // proxies and auth layers may answer with HTML or plain text
        }
    }

    private static String message(MlflowHttpException e) {
        JsonNode body = body(e);
        if (body != null && body.hasNonNull("message")) {
            return body.get("message").asText();
        }
        String raw = e.getBodyMessage() == null ? e.getReasonPhrase() : e.getBodyMessage();
        return raw == null ? "" : raw.length() > 500 ? raw.substring(0, 500) + "..." : raw;
    }

    private static JsonNode body(MlflowHttpException e) {
        try {
            return e.getBodyMessage() == null ? null : JSON.readTree(e.getBodyMessage());
        } catch (IOException notJson) {
            return null; // proxies and auth layers may answer with HTML or plain text
        }
    }
}
