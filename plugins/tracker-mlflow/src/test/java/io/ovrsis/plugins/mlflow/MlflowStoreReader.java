package io.ovrsis.plugins.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An independent reader of an MLflow file store that applies the checks MLflow 2.x's
 * {@code FileStore} applies when it reads one (platform-notes §2.11), with SnakeYAML's YAML 1.1
 * typing (as PyYAML's): quoted ids are strings, {@code status} must be an int, {@code end_time} and
 * {@code run_uuid} must be present, run folders must equal {@code run_id}, metric lines need 2-3
 * fields with an int timestamp and a Python-float value, metric files must not be empty. The cases
 * where MLflow silently skips (missing meta.yaml, id ≠ folder) are errors here.
 */
final class MlflowStoreReader {
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    record Experiment(String id, String name, String artifactLocation, String lifecycleStage, long creationTime,
                      long lastUpdateTime) {
    }

    record Metric(double value, long timestamp, long step) {
    }

    record Run(String runId, String experimentId, String runName, int status, long startTime, Long endTime, String userId,
               String artifactUri, String lifecycleStage, Map<String, List<Metric>> metrics, Map<String, String> params,
               Map<String, String> tags) {

        /** The value the UI shows: max by (step, timestamp, value). */
        Metric latest(String key) {
            return metrics.get(key).stream().max(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp)
                    .thenComparingDouble(Metric::value)).orElseThrow();
        }
    }

    private MlflowStoreReader() {
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        if (!(o instanceof Map<?, ?> m)) {
            throw new AssertionError(file + " is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
    }

    /** Active experiments (folders of the root except .trash and models), then deleted ones. */
    static List<Experiment> experiments(Path root) throws IOException {
        List<Experiment> out = new ArrayList<>();
        for (Path dir : subdirs(root)) {
            String n = dir.getFileName().toString();
            if (!n.equals(".trash") && !n.equals("models")) {
                out.add(experiment(dir));
            }
        }
        if (Files.isDirectory(root.resolve(".trash"))) {
            for (Path dir : subdirs(root.resolve(".trash"))) {
                out.add(experiment(dir));
            }
        }
        return out;
    }

    static Experiment experiment(Path dir) throws IOException {
        Path metaFile = dir.resolve("meta.yaml");
        if (!Files.isRegularFile(metaFile)) {
            throw new AssertionError("experiment " + dir + " has no meta.yaml (MLflow would skip it with a warning)");
        }
        Map<String, Object> meta = yaml(metaFile);
        String id = String.valueOf(required(meta, "experiment_id", metaFile));
        if (!id.equals(dir.getFileName().toString())) {
            throw new AssertionError("experiment id " + id + " != folder " + dir + " (MLflow would ignore it)");
        }
        return new Experiment(id, (String) required(meta, "name", metaFile), (String) meta.get("artifact_location"),
                (String) meta.getOrDefault("lifecycle_stage", "active"), asLong(meta.get("creation_time"), "creation_time", metaFile),
                asLong(meta.get("last_update_time"), "last_update_time", metaFile));
    }

    /** Every run folder of an experiment (folders other than tags, datasets, traces). */
    static List<Run> runs(Path experimentDir) throws IOException {
        List<Run> out = new ArrayList<>();
        for (Path dir : subdirs(experimentDir)) {
            String n = dir.getFileName().toString();
            if (!n.equals("tags") && !n.equals("datasets") && !n.equals("traces")) {
                out.add(run(dir));
            }
        }
        return out;
    }

    static Run run(Path runDir) throws IOException {
        Path metaFile = runDir.resolve("meta.yaml");
        if (!Files.isRegularFile(metaFile)) {
            throw new AssertionError("run " + runDir + " has no meta.yaml (MLflow would skip it silently)");
        }
        Map<String, Object> meta = yaml(metaFile);
        String runId = (String) required(meta, "run_id", metaFile);
        required(meta, "run_uuid", metaFile);
        if (!runId.equals(runDir.getFileName().toString())) {
            throw new AssertionError("Invalid parent directory: run_id " + runId + " != folder " + runDir);
        }
        String expId = String.valueOf(required(meta, "experiment_id", metaFile));
        if (!expId.equals(runDir.getParent().getFileName().toString())) {
            throw new AssertionError("run " + runId + " has experiment_id " + expId + " but lives in " + runDir.getParent());
        }
        if (!meta.containsKey("end_time")) {
            throw new AssertionError(metaFile + ": end_time is missing (MLflow: missing argument)");
        }
        Object status = required(meta, "status", metaFile);
        if (!(status instanceof Integer s) || s < 1 || s > 5) {
            throw new AssertionError(metaFile + ": Could not get string corresponding to run status " + status);
        }
        Object end = meta.get("end_time");
        Map<String, String> tags = files(runDir.resolve("tags"));
        String runName = (String) meta.get("run_name");
        if (runName == null || runName.isEmpty()) {
            runName = tags.get("mlflow.runName");
        }
        Map<String, List<Metric>> metrics = new TreeMap<>();
        for (Map.Entry<String, String> m : files(runDir.resolve("metrics")).entrySet()) {
            metrics.put(m.getKey(), metricLines(m.getKey(), m.getValue()));
        }
        return new Run(runId, expId, runName, (Integer) status, asLong(meta.get("start_time"), "start_time", metaFile),
                end == null ? null : asLong(end, "end_time", metaFile), String.valueOf(required(meta, "user_id", metaFile)),
                (String) meta.get("artifact_uri"), (String) meta.getOrDefault("lifecycle_stage", "active"), metrics,
                files(runDir.resolve("params")), tags);
    }

    private static List<Metric> metricLines(String key, String content) {
        List<Metric> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split(" ", -1);
            if (parts.length != 2 && parts.length != 3) {
                throw new AssertionError("Metric '" + key + "' is malformed; persisted metric data contained " + parts.length + " fields");
            }
            long ts = Long.parseLong(parts[0]);
            double value = pythonFloat(parts[1]);
            long step = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
            out.add(new Metric(value, ts, step));
        }
        if (out.isEmpty()) {
            throw new AssertionError("Metric '" + key + "' is malformed. No data found.");
        }
        return out;
    }

    /** Python's {@code float(str)} for the forms a metric file can hold. */
    static double pythonFloat(String s) {
        if (!PY_FLOAT.matcher(s).matches()) {
            throw new AssertionError("could not convert string to float: '" + s + "'");
        }
        String lower = s.toLowerCase();
        String unsigned = lower.replaceFirst("^[+-]", "");
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    /** Files under a folder, walked recursively, keyed by '/'-joined relative path; raw contents. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<Path> subdirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Object required(Map<String, Object> meta, String key, Path file) {
        if (!meta.containsKey(key) || meta.get(key) == null) {
            throw new AssertionError(file + ": required key " + key + " is missing");
        }
        return meta.get(key);
    }

    private static long asLong(Object v, String key, Path file) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw new AssertionError(file + ": " + key + " must be an int, was " + v);
    }
}
