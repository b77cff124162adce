package io.ovrsis.runtime.cli;

import static io.ovrsis.runtime.cli.CliRunner.ovrsis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on the shipped demo experiment, shrunk with --set: a tiny run end to end (generated data,
 * training, evaluation, MLflow file store, checkpoint, eval from that checkpoint), and config
 * mistakes that must exit with code 2 without creating a run.
 */
class CliEndToEndIT {
    @TempDir
    Path tmp;


    private List<String> tinyRun() {
        Path data = tmp.resolve("synthetic");
        List<String> a = new ArrayList<>(List.of(
                "--set", "train.iterations=4", "--set", "train.checkpointEvery=2", "--set", "train.logEvery=1",
                "--set", "data.batchSize=2", "--set", "data.workers=1", "--set", "eval.overlays=2",
                "--set", "data.train.root=" + data, "--set", "data.train.trainImages=6",
                "--set", "data.train.valImages=0", "--set", "data.train.testImages=3",
                "--set", "eval.datasets[0].root=" + data, "--set", "eval.datasets[0].trainImages=6",
                "--set", "eval.datasets[0].valImages=0", "--set", "eval.datasets[0].testImages=3",
                "--set", "tracking.uri=" + tmp.resolve("mlruns"),
                "--set", "train.checkpointDir=" + tmp.resolve("checkpoints")));
        return a;
    }

    private static String experiment() {
        return Path.of(System.getProperty("ovrsis.project.dir", "..")).resolve("experiments/demo.yaml").toString();
    }

    @Test
    void tinyRunFinishesAndIsTrackedThenEvaluatesFromItsCheckpoint() throws IOException {
        List<String> args = new ArrayList<>(List.of("run", experiment()));
        args.addAll(tinyRun());
        CliRunner.Result r = ovrsis(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("FINISHED").contains("test/mIoU");

        Path mlruns = tmp.resolve("mlruns");
        Path runDir;
        try (Stream<Path> s = Files.walk(mlruns, 2)) {
            runDir = s.filter(p -> Files.isRegularFile(p.resolve("meta.yaml")) && p.getNameCount() == mlruns.getNameCount() + 2)
                    .findFirst().orElseThrow();
        }
        String meta = Files.readString(runDir.resolve("meta.yaml"));
        assertThat(meta).contains("status: 3").doesNotContain("end_time: null");
        assertThat(Files.readAllLines(runDir.resolve("metrics/train/loss"))).hasSize(4);
        assertThat(Files.readString(runDir.resolve("metrics/test/mIoU"))).matches("\\d+ [0-9.]+(E-?\\d+)? 4\\n");
        assertThat(runDir.resolve("metrics/test/synthetic-aerial/IoU")).isDirectory();
        assertThat(Files.readString(runDir.resolve("params/train.iterations"))).isEqualTo("4");
        assertThat(runDir.resolve("artifacts/config/experiment.yaml")).isRegularFile();
        assertThat(runDir.resolve("artifacts/eval/synthetic-aerial/confusion_matrix.csv")).isRegularFile();
        assertThat(runDir.resolve("artifacts/eval/synthetic-aerial/per_class_semseg.csv")).isRegularFile();
        try (Stream<Path> s = Files.list(runDir.resolve("artifacts/eval/synthetic-aerial/overlays"))) {
            assertThat(s.count()).isEqualTo(2);
        }
        assertThat(runDir.resolve("tags/ovrsis.plugin.backbone-clip.version")).isRegularFile();

        Path runCheckpoints = tmp.resolve("checkpoints").resolve(runDir.getFileName());
        assertThat(runCheckpoints.resolve("iter_0000002/model.safetensors")).isRegularFile();
        assertThat(runCheckpoints.resolve("iter_0000004/optimizer.safetensors")).isRegularFile();
        assertThat(Files.readString(runCheckpoints.resolve("latest"))).isEqualTo("iter_0000004");

        List<String> evalArgs = new ArrayList<>(List.of("eval", experiment(), "--checkpoint", runCheckpoints.toString(),
                "--set", "eval.metrics=[{component: semseg, boundaryIoU: true}]"));
        evalArgs.addAll(tinyRun());
        CliRunner.Result e = ovrsis(evalArgs.toArray(String[]::new));
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("FINISHED");
        try (Stream<Path> s = Files.walk(mlruns)) {
            assertThat(s.filter(p -> p.toString().contains("BoundaryIoU")).count()).as("Boundary IoU metrics logged").isPositive();
        }

        // the authors' sliding-window path: 80 x 80 in 2 x 2 windows of 48 (stride 32) plus the global view
        List<String> slidingArgs = new ArrayList<>(List.of("eval", experiment(), "--checkpoint", runCheckpoints.toString()));
        slidingArgs.addAll(tinyRun());
        slidingArgs.addAll(List.of("--set", "eval.inference.slidingWindow=true", "--set", "eval.inference.shortestEdge=80",
                "--set", "data.cropSize=48"));
        CliRunner.Result sliding = ovrsis(slidingArgs.toArray(String[]::new));
        assertThat(sliding.code()).as(sliding.err()).isZero();
        assertThat(sliding.out()).contains("FINISHED").contains("test/mIoU");
        // the evaluation of the same weights gives the same mIoU as the end of training
        assertThat(lastValue(e.out(), "test/mIoU")).isEqualTo(lastValue(r.out(), "test/mIoU"));
    }

    private static String lastValue(String out, String key) {
        return out.lines().filter(l -> l.trim().startsWith(key + " ")).reduce((a, b) -> b).orElseThrow().trim();
    }

    @Test
    void configMistakesExitWithCodeTwoAndCreateNoRun() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "extends: " + Path.of(experiment()).toAbsolutePath() + "\n"
                + "model:\n  fusion:\n    layer: 3\n  imageEncoder:\n    width: sixty-four\n"
                + "  decoder:\n    component: rstransfr\n");
        // keep the experiment inside the project root as extends requires: copy it next to the demo
        Path inProject = Path.of(experiment()).getParent().resolve(".cli-e2e-bad.yaml");
        Files.writeString(inProject, Files.readString(bad).replace(Path.of(experiment()).toAbsolutePath().toString(), "demo.yaml"));
        try {
            CliRunner.Result r = ovrsis("validate", inProject.toString(), "--set", "tracking.uri=" + tmp.resolve("mlruns"),
                    "--set", "model.aggregator.hidden=0");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .contains("OVRSIS-CONFIG-UNKNOWN-KEY").contains("model.fusion.layer").contains(".cli-e2e-bad.yaml:4")
                    .contains("layers")
                    .contains("OVRSIS-CONFIG-TYPE").contains("model.imageEncoder.width")
                    .contains("OVRSIS-CONFIG-UNKNOWN-COMPONENT").contains("rstransfer")
                    .contains("OVRSIS-CONFIG-CONSTRAINT").contains("--set #2")
                    .doesNotContain("\tat ");
            CliRunner.Result run = ovrsis("run", inProject.toString(), "--set", "tracking.uri=" + tmp.resolve("mlruns"));
            assertThat(run.code()).isEqualTo(2);
            assertThat(tmp.resolve("mlruns")).doesNotExist();
        } finally {
            Files.deleteIfExists(inProject);
        }
    }

    @Test
    void settingsNotImplementedYetAreErrorsNotNoOps() {
        CliRunner.Result r = ovrsis("validate", experiment(), "--set", "eval.inference.batchSize=2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("OVRSIS-CONFIG-UNSUPPORTED").contains("eval.inference.batchSize").contains("--set #1");
        CliRunner.Result windows = ovrsis("validate", experiment(), "--set", "eval.inference.slidingWindow=true",
                "--set", "eval.inference.shortestEdge=100");
        assertThat(windows.code()).isEqualTo(2);
        assertThat(windows.err()).contains("OVRSIS-CONFIG-CONSTRAINT").contains("eval.inference.slidingWindow")
                .contains("do not cover 100");
    }

    @Test
    void helpAndUsageErrors() {
        CliRunner.Result help = ovrsis("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run").contains("validate").contains("print-config").contains("doctor");
        CliRunner.Result unknown = ovrsis("frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
    }
}
