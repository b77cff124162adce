package io.ovrsis.plugins.mlflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ovrsis.api.component.ComponentException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * MLflow's FileStore layout under one root folder ({@code mlruns/}), written the way MLflow 2.x's
 * {@code mlflow/store/tracking/file_store.py} writes it: {@code .trash/} and experiment {@code 0}
 * ({@code Default}) at init, one folder per experiment named by its id, one folder per run.
 */
final class FileStore {
    static final String TRASH = ".trash";
    static final String META = "meta.yaml";
    static final String DEFAULT_EXPERIMENT_ID = "0";
    static final String DEFAULT_EXPERIMENT_NAME = "Default";
    /** Error code for an experiment name taken by a deleted experiment. */
    static final String EXPERIMENT_DELETED = "OVRSIS-TRACKING-EXPERIMENT-DELETED";

    /** Experiment creation in this JVM is serialised (two runs starting at once must not make two). */
    private static final Object CREATE_LOCK = new Object();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;
    private final String keyPath;

    FileStore(Path root, String keyPath) {
        this.root = root;
        this.keyPath = keyPath;
    }

    Path root() {
        return root;
    }

    /** Creates the root, {@code .trash/} and experiment {@code 0} ({@code Default}) when absent. */
    void init() throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", keyPath + ".uri",
                    "the MLflow file store " + root + " is a file, not a folder; point tracking.uri at a folder (default mlruns)");
        }
        Files.createDirectories(root);
        synchronized (CREATE_LOCK) {
            boolean defaultKnown = Files.isDirectory(root.resolve(DEFAULT_EXPERIMENT_ID))
                    || Files.isDirectory(root.resolve(TRASH).resolve(DEFAULT_EXPERIMENT_ID));
            if (!defaultKnown) {
                createExperimentWithId(DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME);
            }
        }
        Files.createDirectories(root.resolve(TRASH));
    }

    /**
     * The active experiment called {@code name}, created (with a new 18-digit id) when no
     * experiment has that name. A deleted experiment with that name is an error, as in MLflow.
     */
    StoreExperiment experiment(String name) throws IOException {
        synchronized (CREATE_LOCK) {
            Optional<StoreExperiment> found = findByName(name);
            if (found.isPresent()) {
                StoreExperiment e = found.get();
                if (!e.active()) {
                    throw new ComponentException(EXPERIMENT_DELETED, keyPath + ".experiment",
                            "the MLflow experiment '" + name + "' (id " + e.id() + ") in " + root + " is deleted (it is in "
                                    + e.dir() + "). Restore it (mlflow experiments restore --experiment-id " + e.id()
                                    + "), remove it for good (mlflow gc), or use another experiment name.");
                }
                return e;
            }
            return createExperimentWithId(newExperimentId(), name);
        }
    }

    /** Looks at every active experiment, then every deleted one (as {@code get_experiment_by_name}). */
    Optional<StoreExperiment> findByName(String name) throws IOException {
        for (Path parent : List.of(root, root.resolve(TRASH))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            for (Path dir : experimentDirs(parent)) {
                Optional<StoreExperiment> e = readExperiment(dir);
                if (e.isPresent() && e.get().name().equals(name)) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> experimentDirs(Path parent) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (parent.equals(root) && (n.equals(TRASH) || n.equals("models"))) {
                    continue;
                }
                dirs.add(p);
            }
        }
        dirs.sort(null);
        return dirs;
    }

    /** Reads {@code dir/meta.yaml}; empty when it is missing or its id is not the folder name (MLflow skips those). */
    static Optional<StoreExperiment> readExperiment(Path dir) throws IOException {
        Path meta = dir.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Map<String, String> fields;
        try {
            fields = readScalars(meta);
        } catch (IOException e) {
            throw new IOException("cannot read MLflow experiment metadata " + meta + ": " + e.getMessage(), e);
        }
        String id = fields.get("experiment_id");
        if (id == null || !id.equals(dir.getFileName().toString())) {
            return Optional.empty();
        }
        String stage = fields.get("lifecycle_stage");
        return Optional.of(new StoreExperiment(id, fields.get("name"), fields.get("artifact_location"),
                stage == null ? "active" : stage, dir));
    }

    /**
     * The top-level scalars of a YAML mapping as their source text (a name written plain as
     * {@code 1e5} stays "1e5"; PyYAML, unlike a YAML 1.2 reader, does not call it a number).
     */
    static Map<String, String> readScalars(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = YAML.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isScalarValue()) {
                    out.put(key, value == JsonToken.VALUE_NULL ? null : p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    private StoreExperiment createExperimentWithId(String id, String name) throws IOException {
        Path dir = root.resolve(id);
        Files.createDirectory(dir);
        String artifactLocation = FileUris.fromPath(root) + "/" + id;
        AtomicFiles.write(dir.resolve(META),
                StoreExperiment.newMetaYaml(id, name, artifactLocation, System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        return new StoreExperiment(id, name, artifactLocation, "active", dir);
    }

    /** {@code _generate_unique_integer_id}: the last 18 digits of a random UUID's integer, no leading zero. */
    private String newExperimentId() {
        while (true) {
            UUID u = UUID.randomUUID();
            BigInteger value = new BigInteger(1, toBytes(u));
            String digits = value.toString();
            String id = digits.substring(Math.max(0, digits.length() - 18));
            if (id.length() == 18 && id.charAt(0) != '0' && !Files.exists(root.resolve(id))
                    && !Files.exists(root.resolve(TRASH).resolve(id))) {
                return id;
            }
        }
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /**
     * Creates a run folder as {@code FileStore.create_run} does: {@code meta.yaml} (RUNNING,
     * {@code end_time: null}, {@code deleted_time: null}), {@code metrics/}, {@code params/},
     * {@code artifacts/}, {@code tags/}, then every tag.
     */
    FileStoreRun createRun(StoreExperiment experiment, String runName, Map<String, String> tags, String userId,
                           long startMs) throws IOException {
        String runId = UUID.randomUUID().toString().replace("-", "");
        String artifactUri = appendToUri(experiment.artifactLocation(), runId, "artifacts");
        Path artifactsDir = artifactDir(artifactUri, experiment);
        Path runDir = experiment.dir().resolve(runId);
        Files.createDirectory(runDir);
        RunMeta meta = RunMeta.created(runId, experiment.id(), runName, artifactUri, userId, startMs);
        AtomicFiles.write(runDir.resolve(META), meta.toYaml().getBytes(StandardCharsets.UTF_8));
        for (String sub : List.of("metrics", "params", "artifacts", "tags")) {
            Files.createDirectories(runDir.resolve(sub));
        }
        Files.createDirectories(artifactsDir);
        FileStoreRun run = new FileStoreRun(runDir, artifactsDir, meta, keyPath);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            run.setTag(tag.getKey(), tag.getValue());
        }
        return run;
    }

    /** Relative artifact locations (old MLflow wrote {@code ./mlruns/0}) are read against the store's parent. */
    private Path storeParent() {
        return root.getParent() == null ? root : root.getParent();
    }

    private static String appendToUri(String base, String... parts) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + "/" + String.join("/", parts);
    }

    /** Where the run's artifacts go: the local path of its {@code file:} artifact URI. */
    private Path artifactDir(String artifactUri, StoreExperiment experiment) {
        if (artifactUri == null || experiment.artifactLocation() == null) {
            throw new ComponentException("OVRSIS-TRACKING-INVALID", keyPath + ".experiment",
                    "the MLflow experiment '" + experiment.name() + "' in " + experiment.dir() + " has no artifact_location");
        }
        if (FileUris.isFileUri(artifactUri)) {
            Path p = FileUris.toPath(artifactUri);
            return p.isAbsolute() ? p : storeParent().resolve(p).normalize();
        }
        if (!artifactUri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            Path p = Path.of(artifactUri);
            return p.isAbsolute() ? p : storeParent().resolve(p).normalize();
        }
        throw new ComponentException("OVRSIS-TRACKING-INVALID", keyPath + ".experiment",
                "the MLflow experiment '" + experiment.name() + "' stores artifacts at " + experiment.artifactLocation()
                        + ", which this file-store writer cannot write to (only file: locations). "
                        + "Use another experiment name or log to a tracking server (tracking.uri: http://...).");
    }
}
