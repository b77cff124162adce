package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

/**
 * A run on a tracking server. Params and tags are sent at once (checked locally first, params
 * write-once); metrics are buffered and sent in {@code runs/log-batch} chunks whenever 1000 are
 * waiting, every {@code metricFlushSeconds} from a background thread, and at the end. A failed
 * background flush keeps the metrics buffered and is reported by the next call.
 */
final class RestRun implements TrackedRun {
    private final MlflowClient client;
    private final Service.RunInfo info;
    private final ArtifactUploader uploader;
    private final String keyPath;
    private final String serverUrl;
    private final ShutdownGuard guard;
    private final ScheduledExecutorService flusher;
    private final Map<String, String> loggedParams = new HashMap<>();
    private List<LogBatchChunker.MetricPoint> pending = new ArrayList<>();
    private IOException flushError;
    private RunStatus endStatus;

    RestRun(MlflowClient client, Service.RunInfo info, ArtifactUploader uploader, int flushSeconds, String keyPath, String serverUrl) {
        this.client = client;
        this.info = info;
        this.uploader = uploader;
        this.keyPath = keyPath;
        this.serverUrl = serverUrl;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mlflow-metric-flush-" + info.getRunId().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::backgroundFlush, flushSeconds, flushSeconds, TimeUnit.SECONDS);
        this.guard = ShutdownGuard.register(this, "MLflow run " + info.getRunId() + " on " + serverUrl);
    }

    @Override
    public String runId() {
        return info.getRunId();
    }

    @Override
    public String experimentId() {
        return info.getExperimentId();
    }

    /** The run's artifact URI as the server gave it. */
    String artifactUri() {
        return info.getArtifactUri();
    }

    @Override
    public synchronized void logParams(Map<String, String> params) throws IOException {
        checkActive();
        List<LogBatchChunker.KeyValue> toSend = new ArrayList<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String value = p.getValue() == null ? "" : p.getValue();
            MlflowRules.checkKey("param", p.getKey(), keyPath);
            MlflowRules.checkParamValue(p.getKey(), value, keyPath);
            String old = loggedParams.get(p.getKey());
            if (old != null && !old.equals(value)) {
                throw new ComponentException(FileStoreRun.PARAM_CHANGED, keyPath, "param '" + p.getKey() + "' was already logged with value '"
                        + old + "' in run " + runId() + "; it cannot change to '" + value + "' (MLflow params are write-once)."
                        + " Log it under another key or start a new run.");
            }
            if (old == null) {
                toSend.add(new LogBatchChunker.KeyValue(p.getKey(), value));
            }
        }
        send(List.of(), toSend, List.of());
        toSend.forEach(kv -> loggedParams.put(kv.key(), kv.value()));
    }

    @Override
    public synchronized void logMetric(String key, double value, long step) throws IOException {
        checkActive();
        MlflowRules.checkKey("metric", key, keyPath);
        pending.add(new LogBatchChunker.MetricPoint(key, value, System.currentTimeMillis(), step));
        if (pending.size() >= LogBatchChunker.MAX_METRICS) {
            flush();
        }
    }

    @Override
    public synchronized void setTag(String key, String value) throws IOException {
        checkActive();
        String v = value == null ? "" : value;
        MlflowRules.checkKey("tag", key, keyPath);
        MlflowRules.checkTagValue(key, v, keyPath);
        if (key.equals(SystemTags.RUN_NAME)) {
            MlflowRules.checkRunName(v, keyPath);
        }
        send(List.of(), List.of(), List.of(new LogBatchChunker.KeyValue(key, v)));
    }

    @Override
    public synchronized void logArtifact(Path localFile, String artifactPath) throws IOException {
        checkActive();
        uploader.upload(localFile, MlflowRules.checkArtifactPath(artifactPath, keyPath));
    }

    @Override
    public synchronized void logArtifact(byte[] content, String artifactPath) throws IOException {
        checkActive();
        uploader.upload(content, MlflowRules.checkArtifactPath(artifactPath, keyPath));
    }

    /** Sends every buffered metric now. */
    synchronized void flush() throws IOException {
        throwFlushError();
        List<LogBatchChunker.MetricPoint> batch = pending;
        pending = new ArrayList<>();
        List<LogBatchChunker.Chunk> chunks = LogBatchChunker.split(batch, List.of(), List.of());
        int sent = 0;
        try {
            for (LogBatchChunker.Chunk c : chunks) {
                sendChunk(c);
                sent += c.metrics().size();
            }
        } finally {
            if (sent < batch.size()) {
                List<LogBatchChunker.MetricPoint> unsent = new ArrayList<>(batch.subList(sent, batch.size()));
                unsent.addAll(pending);
                pending = unsent;
            }
        }
    }

    private synchronized void backgroundFlush() {
        if (endStatus != null || flushError != null || pending.isEmpty()) {
            return;
        }
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            flushError = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * Sends the buffered metrics, then {@code runs/update} with the final status and end time. A
     * second call is ignored (the first ending wins). The run is marked ended on the server even
     * when the last metrics cannot be sent; that error is rethrown afterwards.
     */
    @Override
    public synchronized void end(RunStatus status) throws IOException {
        if (status == RunStatus.RUNNING || status == RunStatus.SCHEDULED) {
            throw new IllegalArgumentException("a run ends FINISHED, FAILED or KILLED, not " + status);
        }
        if (endStatus != null) {
            return;
        }
        flusher.shutdownNow();
        IOException metricsError = null;
        try {
            flushError = null;
            flush();
        } catch (IOException e) {
            metricsError = e;
        }
        RunStatus finalStatus = metricsError != null && status == RunStatus.FINISHED ? RunStatus.FAILED : status;
        RestTracker.call("runs/update", () -> {
            client.setTerminated(runId(), Service.RunStatus.valueOf(finalStatus.name()), System.currentTimeMillis());
            return null;
        });
        endStatus = finalStatus;
        guard.disarm();
        client.close();
        if (metricsError != null) {
            throw new IOException("run " + runId() + " ended " + finalStatus + " but " + pending.size()
                    + " metric values could not be sent to " + serverUrl + ": " + metricsError.getMessage(), metricsError);
        }
    }

    @Override
    public synchronized boolean ended() {
        return endStatus != null;
    }

    private void send(List<LogBatchChunker.MetricPoint> metrics, List<LogBatchChunker.KeyValue> params,
                      List<LogBatchChunker.KeyValue> tags) throws IOException {
        for (LogBatchChunker.Chunk c : LogBatchChunker.split(metrics, params, tags)) {
            sendChunk(c);
        }
    }

    private void sendChunk(LogBatchChunker.Chunk c) throws IOException {
        List<Service.Metric> metrics = c.metrics().stream().map(m -> Service.Metric.newBuilder().setKey(m.key())
                .setValue(m.value()).setTimestamp(m.timestampMs()).setStep(m.step()).build()).toList();
        List<Service.Param> params = c.params().stream()
                .map(p -> Service.Param.newBuilder().setKey(p.key()).setValue(p.value()).build()).toList();
        List<Service.RunTag> tags = c.tags().stream()
                .map(t -> Service.RunTag.newBuilder().setKey(t.key()).setValue(t.value()).build()).toList();
        RestTracker.call("runs/log-batch", () -> {
            client.logBatch(runId(), metrics, params, tags);
            return null;
        });
    }

    private void throwFlushError() throws IOException {
        if (flushError != null) {
            IOException e = flushError;
            flushError = null;
            throw new IOException("sending metrics to " + serverUrl + " failed in the background: " + e.getMessage(), e);
        }
    }

    private void checkActive() throws IOException {
        if (endStatus != null) {
            throw new IllegalStateException("MLflow run " + runId() + " has ended (" + endStatus + "); nothing more can be logged to it");
        }
        throwFlushError();
    }
}
