package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run in a file store. Metric lines are appended ({@code <ts_ms> <value> <step>\n}, values as
 * Python's {@code str(float)}); params and tags are files holding the raw value without a trailing
 * newline, written atomically through a temporary file in the run folder (outside {@code params/} and
 * {@code tags/}, so readers never list it); params are write-once.
 */
final class FileStoreRun implements TrackedRun {
    /** Error code for logging a param again with another value. */
    static final String PARAM_CHANGED = "OVRSIS-TRACKING-PARAM-CHANGED";

    private final Path runDir;
    private final Path artifactsDir;
    private final String keyPath;
    private final ShutdownGuard guard;
    private RunMeta meta;
    private boolean ended;

    FileStoreRun(Path runDir, Path artifactsDir, RunMeta meta, String keyPath) {
        this.runDir = runDir;
        this.artifactsDir = artifactsDir;
        this.meta = meta;
        this.keyPath = keyPath;
        this.guard = ShutdownGuard.register(this, "MLflow run " + meta.runId());
    }

    @Override
    public String runId() {
        return meta.runId();
    }

    @Override
    public String experimentId() {
        return meta.experimentId();
    }

    /** The run folder ({@code mlruns/<experiment>/<run>}). */
    Path runDir() {
        return runDir;
    }

    @Override
    public synchronized void logParams(Map<String, String> params) throws IOException {
        checkActive();
        for (Map.Entry<String, String> p : params.entrySet()) {
            MlflowRules.checkKey("param", p.getKey(), keyPath);
            MlflowRules.checkParamValue(p.getKey(), valueOf(p.getValue()), keyPath);
            Path file = resolveKey("params", p.getKey());
            if (Files.isRegularFile(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                if (!old.equals(valueOf(p.getValue()))) {
                    throw new ComponentException(PARAM_CHANGED, keyPath,
                            "param '" + p.getKey() + "' was already logged with value '" + old + "' in run " + runId()
                                    + "; it cannot change to '" + valueOf(p.getValue()) + "' (MLflow params are write-once)."
                                    + " Log it under another key or start a new run.");
                }
            }
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            Path file = resolveKey("params", p.getKey());
            if (!Files.isRegularFile(file)) {
                writeValue("param", p.getKey(), file, valueOf(p.getValue()));
            }
        }
    }

    @Override
    public synchronized void logMetric(String key, double value, long step) throws IOException {
        checkActive();
        MlflowRules.checkKey("metric", key, keyPath);
        Path file = resolveKey("metrics", key);
        prepareParent("metric", key, file);
        String line = System.currentTimeMillis() + " " + PythonFloats.repr(value) + " " + step + "\n";
        Files.write(file, line.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    @Override
    public synchronized void setTag(String key, String value) throws IOException {
        checkActive();
        MlflowRules.checkKey("tag", key, keyPath);
        String v = valueOf(value);
        MlflowRules.checkTagValue(key, v, keyPath);
        if (key.equals(SystemTags.RUN_NAME)) {
            MlflowRules.checkRunName(v, keyPath);
        }
        writeValue("tag", key, resolveKey("tags", key), v);
        if (key.equals(SystemTags.RUN_NAME) && !v.equals(meta.runName())) {
            writeMeta(meta.renamed(v));
        }
    }

    @Override
    public synchronized void logArtifact(Path localFile, String artifactPath) throws IOException {
        checkActive();
        List<String> segments = MlflowRules.checkArtifactPath(artifactPath, keyPath);
        Path target = resolveSegments(artifactsDir, segments);
        if (Files.isDirectory(localFile)) {
            try (Stream<Path> files = Files.walk(localFile)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path dest = target;
                    for (Path part : localFile.relativize(f)) {
                        dest = dest.resolve(part.toString());
                    }
                    Files.createDirectories(dest.getParent());
                    AtomicFiles.copy(f, dest, tempDirFor(dest));
                }
            }
        } else if (Files.isRegularFile(localFile)) {
            Files.createDirectories(target.getParent());
            AtomicFiles.copy(localFile, target, tempDirFor(target));
        } else {
            throw new IOException("cannot log artifact '" + artifactPath + "': " + localFile + " does not exist");
        }
    }

    @Override
    public synchronized void logArtifact(byte[] content, String artifactPath) throws IOException {
        checkActive();
        List<String> segments = MlflowRules.checkArtifactPath(artifactPath, keyPath);
        Path target = resolveSegments(artifactsDir, segments);
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, content, tempDirFor(target));
    }

    /**
     * Rewrites {@code meta.yaml} with the final status and end time. A second call is ignored: the
     * first ending wins (the shutdown guard and a late {@code close()} may both try).
     */
    @Override
    public synchronized void end(RunStatus status) throws IOException {
        if (status == RunStatus.RUNNING || status == RunStatus.SCHEDULED) {
            throw new IllegalArgumentException("a run ends FINISHED, FAILED or KILLED, not " + status);
        }
        if (ended) {
            return;
        }
        writeMeta(meta.ended(status, System.currentTimeMillis()));
        ended = true;
        guard.disarm();
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    /** The status written in {@code meta.yaml}. */
    synchronized RunStatus status() {
        return meta.status();
    }

    private void writeMeta(RunMeta next) throws IOException {
        AtomicFiles.write(runDir.resolve(FileStore.META), next.toYaml().getBytes(StandardCharsets.UTF_8));
        meta = next;
    }

    private void writeValue(String kind, String key, Path file, String value) throws IOException {
        prepareParent(kind, key, file);
        if (Files.isDirectory(file)) {
            throw clash(kind, key);
        }
        AtomicFiles.write(file, value.getBytes(StandardCharsets.UTF_8), runDir);
    }

    /** Creates the folders of a nested key ({@code eval/miou} lives in {@code metrics/eval/}). */
    private void prepareParent(String kind, String key, Path file) throws IOException {
        try {
            Files.createDirectories(file.getParent());
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw clash(kind, key);
        }
        if (Files.isDirectory(file)) {
            throw clash(kind, key);
        }
    }

    private ComponentException clash(String kind, String key) {
        return MlflowRules.invalid(keyPath, kind + " key '" + key + "' clashes with another " + kind + " key in run " + runId()
                + ": a key cannot be both a value and a folder of '/'-nested keys (e.g. 'loss' and 'loss/train')");
    }

    private Path resolveKey(String folder, String key) {
        return resolveSegments(runDir.resolve(folder), List.of(key.split("/")));
    }

    private static Path resolveSegments(Path base, List<String> segments) {
        Path p = base;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }

    private Path tempDirFor(Path target) {
        return target.startsWith(runDir) ? runDir : target.getParent();
    }

    private void checkActive() {
        if (ended) {
            throw new IllegalStateException("MLflow run " + runId() + " has ended (" + meta.status() + "); nothing more can be logged to it");
        }
    }

    private static String valueOf(String v) {
        return v == null ? "" : v;
    }
}
