package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.RunTracker;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTrackerTest {
    private static final Pattern TIME = Pattern.compile("(start_time|end_time|creation_time|last_update_time): (\\d{13})\n");

    @TempDir
    Path project;

    private RunTracker tracker(String experiment) {
        return tracker(new MlflowTrackerConfig("mlruns", experiment, null, 5));
    }

    private RunTracker tracker(MlflowTrackerConfig config) {
        return new MlflowTrackerFactory().create(config, new BuildContext("tracking", project, Map.of(), Optional.empty(), 7L));
    }

    private Path root() {
        return project.resolve("mlruns");
    }

    /** Replaces 13-digit epoch-ms values by {@code <T>} after checking them. */
    private static String maskTimes(String yaml) {
        Matcher m = TIME.matcher(yaml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            assertThat(Long.parseLong(m.group(2))).isBetween(1_600_000_000_000L, System.currentTimeMillis());
            m.appendReplacement(sb, m.group(1) + ": <T>\n");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void createDoesNoIo() {
        tracker("demo-experiment");
        assertThat(root()).doesNotExist();
    }

    @Test
    void writesMlflowLayoutExactly() throws IOException {
        RunTracker tracker = tracker("demo-experiment");
        assertThat(tracker.location()).isEqualTo(root().toString());
        Map<String, String> callerTags = new LinkedHashMap<>();
        callerTags.put("mlflow.source.git.commit", "0123456789abcdef0123456789abcdef01234567");
        callerTags.put("ovrsis.config.sha256", "abc");
        callerTags.put("group/tag", "nested");
        String expId;
        String runId;
        String rootUri = FileUris.fromPath(root());
        try (TrackedRun run = tracker.startRun("child-1", callerTags)) {
            expId = run.experimentId();
            runId = run.runId();
            Path runDir = root().resolve(expId).resolve(runId);

            assertThat(expId).matches("[1-9][0-9]{17}");
            assertThat(runId).matches("[0-9a-f]{32}");
            assertThat(maskTimes(read(runDir.resolve("meta.yaml")))).isEqualTo(""
                    + "artifact_uri: " + rootUri + "/" + expId + "/" + runId + "/artifacts\n"
                    + "deleted_time: null\n"
                    + "end_time: null\n"
                    + "entry_point_name: ''\n"
                    + "experiment_id: '" + expId + "'\n"
                    + "lifecycle_stage: active\n"
                    + "run_id: " + runId + "\n"
                    + "run_name: child-1\n"
                    + "run_uuid: " + runId + "\n"
                    + "source_name: ''\n"
                    + "source_type: 4\n"
                    + "source_version: ''\n"
                    + "start_time: <T>\n"
                    + "status: 1\n"
                    + "tags: []\n"
                    + "user_id: " + SystemTags.osUser() + "\n");

            run.logParams(Map.of("lr", "0.0002", "optimizer", "adamw", "group/param", "x", "empty", ""));
            run.logParams(Map.of("lr", "0.0002"));
            run.logMetric("loss", 1.0, 0);
            run.logMetric("loss", 0.5, 1);
            run.logMetric("loss", 1.0 / 3, 2);
            run.logMetric("eval/nan_metric", Double.NaN, 0);
            run.logMetric("eval/inf_metric", Double.POSITIVE_INFINITY, 3);
            run.logMetric("eval/inf_metric", Double.NEGATIVE_INFINITY, 4);
            run.logMetric("tiny", 1e-5, 7);
            run.setTag("stage", "train");
            run.setTag("stage", "eval");
            run.setTag("mlflow.note.content", "multi\nline");
            Path local = Files.writeString(project.resolve("summary.txt"), "mIoU 42.0\n");
            run.logArtifact(local, "reports/summary.txt");
            run.logArtifact("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "config/params.json");
            run.end(RunStatus.FINISHED);
        }

        Path expDir = root().resolve(expId);
        Path runDir = expDir.resolve(runId);
        assertThat(root().resolve(".trash")).isDirectory();
        assertThat(maskTimes(read(root().resolve("0/meta.yaml")))).isEqualTo(""
                + "artifact_location: " + rootUri + "/0\n"
                + "creation_time: <T>\n"
                + "experiment_id: '0'\n"
                + "last_update_time: <T>\n"
                + "lifecycle_stage: active\n"
                + "name: Default\n");
        assertThat(maskTimes(read(expDir.resolve("meta.yaml")))).isEqualTo(""
                + "artifact_location: " + rootUri + "/" + expId + "\n"
                + "creation_time: <T>\n"
                + "experiment_id: '" + expId + "'\n"
                + "last_update_time: <T>\n"
                + "lifecycle_stage: active\n"
                + "name: demo-experiment\n");
        assertThat(maskTimes(read(runDir.resolve("meta.yaml")))).isEqualTo(""
                + "artifact_uri: " + rootUri + "/" + expId + "/" + runId + "/artifacts\n"
                + "end_time: <T>\n"
                + "entry_point_name: ''\n"
                + "experiment_id: '" + expId + "'\n"
                + "lifecycle_stage: active\n"
                + "run_id: " + runId + "\n"
                + "run_name: child-1\n"
                + "run_uuid: " + runId + "\n"
                + "source_name: ''\n"
                + "source_type: 4\n"
                + "source_version: ''\n"
                + "start_time: <T>\n"
                + "status: 3\n"
                + "tags: []\n"
                + "user_id: " + SystemTags.osUser() + "\n");

        assertThat(read(runDir.resolve("metrics/loss")))
                .matches("\\d{13} 1\\.0 0\n\\d{13} 0\\.5 1\n\\d{13} 0\\.3333333333333333 2\n");
        assertThat(read(runDir.resolve("metrics/eval/nan_metric"))).matches("\\d{13} nan 0\n");
        assertThat(read(runDir.resolve("metrics/eval/inf_metric"))).matches("\\d{13} inf 3\n\\d{13} -inf 4\n");
        assertThat(read(runDir.resolve("metrics/tiny"))).matches("\\d{13} 1e-05 7\n");
        assertThat(Files.readAllBytes(runDir.resolve("params/lr"))).isEqualTo("0.0002".getBytes(StandardCharsets.UTF_8));
        assertThat(read(runDir.resolve("params/group/param"))).isEqualTo("x");
        assertThat(read(runDir.resolve("params/empty"))).isEmpty();
        assertThat(read(runDir.resolve("tags/stage"))).isEqualTo("eval");
        assertThat(read(runDir.resolve("tags/mlflow.note.content"))).isEqualTo("multi\nline");
        assertThat(read(runDir.resolve("tags/mlflow.source.type"))).isEqualTo("LOCAL");
        assertThat(read(runDir.resolve("artifacts/reports/summary.txt"))).isEqualTo("mIoU 42.0\n");
        assertThat(read(runDir.resolve("artifacts/config/params.json"))).isEqualTo("{\"a\": 1}");
        try (var files = Files.walk(root())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }

        // read back the way MLflow's FileStore does
        List<MlflowStoreReader.Experiment> exps = MlflowStoreReader.experiments(root());
        assertThat(exps).extracting(MlflowStoreReader.Experiment::name).containsExactlyInAnyOrder("Default", "demo-experiment");
        MlflowStoreReader.Run read = MlflowStoreReader.run(runDir);
        assertThat(read.status()).isEqualTo(3);
        assertThat(read.endTime()).isGreaterThanOrEqualTo(read.startTime());
        assertThat(read.runName()).isEqualTo("child-1");
        assertThat(read.userId()).isEqualTo(SystemTags.osUser());
        assertThat(read.params()).containsExactlyInAnyOrderEntriesOf(
                Map.of("lr", "0.0002", "optimizer", "adamw", "group/param", "x", "empty", ""));
        assertThat(read.tags()).containsEntry("mlflow.runName", "child-1").containsEntry("mlflow.user", SystemTags.osUser())
                .containsEntry("mlflow.source.name", "ovrsis").containsEntry("mlflow.source.type", "LOCAL")
                .containsEntry("mlflow.source.git.commit", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("ovrsis.config.sha256", "abc").containsEntry("group/tag", "nested");
        assertThat(read.metrics()).containsOnlyKeys("loss", "eval/nan_metric", "eval/inf_metric", "tiny");
        assertThat(read.latest("loss").value()).isEqualTo(1.0 / 3);
        assertThat(read.latest("loss").step()).isEqualTo(2);
        assertThat(read.latest("eval/nan_metric").value()).isNaN();
        assertThat(read.latest("eval/inf_metric").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(read.latest("tiny").value()).isEqualTo(1e-5);
        assertThat(FileUris.toPath(read.artifactUri())).isEqualTo(runDir.resolve("artifacts"));
    }

    @Test
    void reusesTheExperimentByNameAcrossRuns() throws IOException {
        String first;
        String second;
        try (TrackedRun run = tracker("shared").startRun("a", Map.of())) {
            first = run.experimentId();
            run.end(RunStatus.FINISHED);
        }
        try (TrackedRun run = tracker("shared").startRun("b", Map.of())) {
            second = run.experimentId();
            run.end(RunStatus.FINISHED);
        }
        try (TrackedRun run = tracker("other").startRun("c", Map.of())) {
            assertThat(run.experimentId()).isNotEqualTo(first);
            run.end(RunStatus.FINISHED);
        }
        assertThat(second).isEqualTo(first);
        assertThat(MlflowStoreReader.experiments(root())).extracting(MlflowStoreReader.Experiment::name)
                .containsExactlyInAnyOrder("Default", "shared", "other");
        assertThat(MlflowStoreReader.runs(root().resolve(first))).extracting(MlflowStoreReader.Run::runName)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void defaultExperimentIsZero() throws IOException {
        try (TrackedRun run = tracker("Default").startRun("in-default", Map.of())) {
            assertThat(run.experimentId()).isEqualTo("0");
            run.end(RunStatus.FINISHED);
        }
        assertThat(MlflowStoreReader.runs(root().resolve("0"))).hasSize(1);
    }

    @Test
    void paramsAreWriteOnce() throws IOException {
        try (TrackedRun run = tracker("e").startRun("r", Map.of())) {
            run.logParams(Map.of("lr", "0.1"));
            run.logParams(Map.of("lr", "0.1"));
            assertThatThrownBy(() -> run.logParams(Map.of("lr", "0.2")))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo(FileStoreRun.PARAM_CHANGED))
                    .hasMessageContaining("'lr'").hasMessageContaining("'0.1'").hasMessageContaining("'0.2'");
            assertThat(read(((FileStoreRun) run).runDir().resolve("params/lr"))).isEqualTo("0.1");
            run.end(RunStatus.FINISHED);
        }
    }

    @Test
    void invalidKeysAreRejectedWithAClearMessage() throws IOException {
        try (TrackedRun run = tracker("e").startRun("r", Map.of())) {
            for (String bad : List.of("bad key!", "../escape", "/abs", "a//b", "a/", ".", "", "a/./b", "x".repeat(251))) {
                assertThatThrownBy(() -> run.logMetric(bad, 1.0, 0)).as("key '%s'", bad)
                        .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo(MlflowRules.INVALID))
                        .hasMessageContaining("metric key");
            }
            assertThatThrownBy(() -> run.setTag("t", "v".repeat(8001))).hasMessageContaining("at most 8000");
            assertThatThrownBy(() -> run.logParams(Map.of("p", "v".repeat(6001)))).hasMessageContaining("at most 6000");
            assertThatThrownBy(() -> run.logArtifact(new byte[0], "../outside.txt")).hasMessageContaining("artifact path");
            run.logMetric("loss", 1.0, 0);
            assertThatThrownBy(() -> run.logMetric("loss/train", 1.0, 0)).hasMessageContaining("clashes");
            run.end(RunStatus.FINISHED);
        }
        assertThat(project.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void runClosedWithoutEndIsFailedAndKilledIsFive() throws IOException {
        Path failedDir;
        try (TrackedRun run = tracker("e").startRun("crashes", Map.of())) {
            failedDir = ((FileStoreRun) run).runDir();
            run.logMetric("loss", 2.0, 0);
        }
        assertThat(MlflowStoreReader.run(failedDir).status()).isEqualTo(4);
        assertThat(read(failedDir.resolve("meta.yaml"))).contains("status: 4\n").doesNotContain("deleted_time");

        TrackedRun killed = tracker("e").startRun("interrupted", Map.of());
        killed.end(RunStatus.KILLED);
        killed.close();
        assertThat(MlflowStoreReader.run(((FileStoreRun) killed).runDir()).status()).isEqualTo(5);
        assertThatThrownBy(() -> killed.logMetric("x", 1, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
        assertThatThrownBy(() -> killed.end(RunStatus.RUNNING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletedExperimentWithTheNameIsAnError() throws IOException {
        Path trashed = Files.createDirectories(root().resolve(".trash/123456789012345678"));
        Files.writeString(trashed.resolve("meta.yaml"), "artifact_location: file:///x/mlruns/123456789012345678\n"
                + "creation_time: 1796000154535\nexperiment_id: '123456789012345678'\nlast_update_time: 1796000154600\n"
                + "lifecycle_stage: deleted\nname: gone\ntags: {}\n");
        assertThatThrownBy(() -> tracker("gone").startRun("r", Map.of()))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo(FileStore.EXPERIMENT_DELETED);
                    assertThat(e.keyPath()).isEqualTo("tracking.experiment");
                })
                .hasMessageContaining("'gone'").hasMessageContaining("123456789012345678").hasMessageContaining("restore");
    }

    @Test
    void findsExperimentsWrittenByMlflowWithQuotedNames() throws IOException {
        Path exp = Files.createDirectories(root().resolve("629684950234018886"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///elsewhere/mlruns/629684950234018886\n"
                + "creation_time: 1796000154535\nexperiment_id: '629684950234018886'\nlast_update_time: 1796000154535\n"
                + "lifecycle_stage: active\nname: 'yes'\n");
        try (TrackedRun run = tracker("yes").startRun("r", Map.of())) {
            assertThat(run.experimentId()).isEqualTo("629684950234018886");
            run.end(RunStatus.FINISHED);
        }
    }

    @Test
    void configRunNameWinsAndRenamingByTagRewritesMeta() throws IOException {
        TrackedRun run = tracker(new MlflowTrackerConfig("mlruns", "e", "from-config", 5)).startRun("from-runtime", Map.of());
        Path runDir = ((FileStoreRun) run).runDir();
        assertThat(read(runDir.resolve("tags/mlflow.runName"))).isEqualTo("from-config");
        run.setTag("mlflow.runName", "renamed");
        run.end(RunStatus.FINISHED);
        assertThat(MlflowStoreReader.run(runDir).runName()).isEqualTo("renamed");
        assertThat(read(runDir.resolve("meta.yaml"))).contains("run_name: renamed\n");
    }

    @Test
    void fileUriAndAbsolutePathsWork() throws IOException {
        Path elsewhere = project.resolve("other store");
        RunTracker t = tracker(new MlflowTrackerConfig(FileUris.fromPath(elsewhere), "e", null, 5));
        assertThat(t.location()).isEqualTo(elsewhere.toString());
        try (TrackedRun run = t.startRun("r", Map.of())) {
            run.logArtifact("x".getBytes(StandardCharsets.UTF_8), "a.txt");
            run.end(RunStatus.FINISHED);
            Path runDir = elsewhere.resolve(run.experimentId()).resolve(run.runId());
            assertThat(read(runDir.resolve("meta.yaml"))).contains("artifact_uri: " + FileUris.fromPath(elsewhere) + "/");
            assertThat(FileUris.fromPath(elsewhere)).contains("other%20store");
            assertThat(read(runDir.resolve("artifacts/a.txt"))).isEqualTo("x");
        }
    }
}
