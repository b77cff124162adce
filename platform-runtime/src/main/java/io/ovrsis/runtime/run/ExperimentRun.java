package io.ovrsis.runtime.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.SampleRef;
import io.ovrsis.api.eval.MetricValues;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import io.ovrsis.runtime.checkpoint.AuthorsCheckpoint;
import io.ovrsis.runtime.checkpoint.CheckpointState;
import io.ovrsis.runtime.checkpoint.CheckpointStore;
import io.ovrsis.runtime.config.AugmentSpec;
import io.ovrsis.runtime.config.BoundDataset;
import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.config.TrainSpec;
import io.ovrsis.runtime.data.Augmenter;
import io.ovrsis.runtime.data.TrainBatchLoader;
import io.ovrsis.runtime.eval.DatasetEvaluation;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.eval.Predictor;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.train.AdamW;
import io.ovrsis.runtime.train.GradMode;
import io.ovrsis.runtime.train.TrainSettings;
import io.ovrsis.runtime.train.TrainingListener;
import io.ovrsis.runtime.train.TrainingLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a composed experiment: prepare (weights, data), start a tracked run, train, evaluate every
 * dataset of {@code eval.datasets}, log everything and end the run FINISHED — FAILED on an error,
 * KILLED on Ctrl-C (shutdown hook), so no run stays RUNNING.
 */
public final class ExperimentRun {
    private final ComposedExperiment experiment;
    private final RuntimeEnvironment env;
    private final RunMetadata metadata;
    private final PrintStream out;

    public ExperimentRun(ComposedExperiment experiment, RuntimeEnvironment env, RunMetadata metadata, PrintStream out) {
        this.experiment = experiment;
        this.env = env;
        this.metadata = metadata;
        this.out = out;
    }

    /** What a finished run produced. */
    public record Outcome(String runId, String trackingLocation, Map<String, Double> metrics, Path lastCheckpoint,
                          List<DatasetEvaluation.Result> evaluations) {
    }

    /**
     * @param resumeFrom a checkpoint to continue training from, or null
     * @param evalOnly a checkpoint to evaluate without training, or null
     */
    public Outcome execute(Path resumeFrom, Path evalOnly) throws IOException {
        ExperimentSpec spec = experiment.spec();
        OpenVocabSegmentor model = experiment.model();
        boolean training = evalOnly == null && spec.train().iterations() > 0;
        if (resumeFrom != null && AuthorsCheckpoint.isAuthorsFile(resumeFrom)) {
            throw new ComponentException("OVRSIS-CHECKPOINT", "", resumeFrom + " holds weights only (an authors'"
                    + " detectron2 file), no optimizer state or iteration to resume from; evaluate it with"
                    + " `ovrsis eval FILE --checkpoint " + resumeFrom + "` or `ovrsis predict`.");
        }
        GradMode.off();
        try (NDManager manager = NDManager.newBaseManager()) {
            Preparation.prepareModel(experiment, env, manager);
            DatasetReader trainReader = null;
            if (training) {
                trainReader = experiment.trainReader();
                Preparation.prepare(trainReader, "data.train", env, manager);
            }
            List<DatasetReader> evalReaders = experiment.evalReaders();
            for (int i = 0; i < evalReaders.size(); i++) {
                Preparation.prepare(evalReaders.get(i), "eval.datasets[" + i + "]", env, manager);
            }
            if (evalOnly != null) {
                CheckpointStore.loadModel(CheckpointStore.resolve(evalOnly), model.module(), manager);
            }
            TrackedRun run = experiment.tracker().startRun(metadata.runName(), metadata.tags(experiment));
            Thread hook = new Thread(() -> killed(run), "ovrsis-killed");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.println("Run " + run.runId() + " started (experiment " + run.experimentId() + ", " + experiment.tracker().location() + ")");
                run.logParams(metadata.params());
                run.logArtifact(metadata.resolvedYaml().getBytes(StandardCharsets.UTF_8), "config/experiment.yaml");
                run.logArtifact(metadata.provenanceYaml().getBytes(StandardCharsets.UTF_8), "config/experiment.provenance.yaml");
                if (evalOnly != null) {
                    run.setTag("ovrsis.checkpoint", evalOnly.toAbsolutePath().toString());
                }
                Path last = null;
                if (training) {
                    last = train(run, trainReader, manager, resumeFrom);
                }
                List<DatasetEvaluation.Result> results = evaluate(run, evalReaders, manager);
                Map<String, Double> metrics = EvaluationSummary.metricKeys("test", results);
                synchronized (run) {
                    run.logMetrics(metrics, spec.train().iterations());
                    run.end(RunStatus.FINISHED);
                }
                return new Outcome(run.runId(), experiment.tracker().location(), metrics, last, results);
            } catch (IOException | RuntimeException | Error e) {
                synchronized (run) {
                    if (!run.ended()) {
                        run.end(RunStatus.FAILED);
                    }
                }
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: KILLED was recorded
                }
            }
        }
    }

    private void killed(TrackedRun run) {
        synchronized (run) {
            if (!run.ended()) {
                try {
                    run.end(RunStatus.KILLED);
                    System.err.println("\nInterrupted: run " + run.runId() + " marked KILLED.");
                } catch (IOException e) {
                    System.err.println("\nInterrupted: could not mark run " + run.runId() + " KILLED: " + e.getMessage());
                }
            }
        }
    }

    private Path train(TrackedRun run, DatasetReader reader, NDManager manager, Path resumeFrom) throws IOException {
        ExperimentSpec spec = experiment.spec();
        TrainSpec t = spec.train();
        TrainSettings settings = new TrainSettings(Math.toIntExact(t.iterations()), t.lr(), t.weightDecay(), t.betas().get(0),
                t.betas().get(1), t.eps(), Math.toIntExact(t.warmupIters()), t.gradClipNorm(), Math.toIntExact(t.checkpointEvery()),
                Math.toIntExact(t.logEvery()));
        DatasetInfo info = reader.info();
        BoundDataset train = spec.data().train();
        List<SampleRef> refs = reader.index(train.split());
        AugmentSpec a = spec.data().augment();
        Augmenter augmenter = new Augmenter(spec.data().cropSize(), a.resizeShortestEdge(), a.colorJitter(), a.flip(), info.ignoreIndex());
        CheckpointStore store = new CheckpointStore(env.projectDir().resolve(t.checkpointDir()).resolve(run.runId()));
        AdamW optimizer = new AdamW(manager.newSubManager(), settings.beta1(), settings.beta2(), settings.eps(), settings.weightDecay());
        int start = 0;
        if (resumeFrom != null) {
            Path ckpt = CheckpointStore.resolve(resumeFrom);
            CheckpointState state = CheckpointStore.readState(ckpt);
            CheckpointStore.loadModel(ckpt, experiment.model().module(), manager);
            try (NDManager scratch = manager.newSubManager()) {
                NDList moments = CheckpointStore.loadOptimizer(ckpt, scratch);
                optimizer.restore(moments, state.iteration());
            }
            start = state.iteration();
            run.setTag("ovrsis.resumed_from", ckpt.toAbsolutePath().toString());
            out.println("Resuming from " + ckpt + " at iteration " + start);
        }
        out.println("Training " + (settings.iterations() - start) + " iterations on " + info.id() + "/" + train.split()
                + " (" + refs.size() + " images, " + info.classes().size() + " classes), checkpoints in " + store.dir());
        TrainingLoop loop = new TrainingLoop(experiment.model(), manager, settings, info.classes().names(), store);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int iteration, double loss, double lr, double gradNorm) {
                if (iteration % Math.max(1, settings.logEvery()) == 0 || iteration == settings.iterations()) {
                    try {
                        run.logMetric("train/loss", loss, iteration);
                        run.logMetric("train/lr", lr, iteration);
                        run.logMetric("train/grad_norm", gradNorm, iteration);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void onCheckpoint(int iteration, Path checkpoint) {
                try {
                    run.setTag("ovrsis.checkpoint", checkpoint.toAbsolutePath().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        CheckpointState template = new CheckpointState(start, spec.seed(), metadata.configSha256(), run.runId());
        try (TrainBatchLoader loader = new TrainBatchLoader(reader, refs, augmenter, experiment.model().preprocess(),
                spec.data().batchSize(), spec.data().cropSize(), spec.data().workers(), spec.seed(), start);
             ProgressReporter bar = env.progress().apply("train", (long) (settings.iterations() - start))) {
            return loop.run(loader, optimizer, start, template, listener, bar);
        }
    }

    private List<DatasetEvaluation.Result> evaluate(TrackedRun run, List<DatasetReader> readers, NDManager manager) throws IOException {
        ExperimentSpec spec = experiment.spec();
        Predictor predictor = new Predictor(experiment.model(), InferenceSettings.of(spec), manager);
        List<DatasetEvaluation.Result> results = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            DatasetReader reader = readers.get(i);
            String split = spec.eval().datasets().get(i).split();
            if (split == null) {
                List<String> splits = reader.info().splits();
                split = splits.contains("test") ? "test" : splits.get(splits.size() - 1);
            }
            DatasetEvaluation.Result r = DatasetEvaluation.run(experiment.model(), reader, split, experiment.metrics(), predictor,
                    spec.eval().overlays(), manager, env.progress());
            results.add(r);
            String dir = "eval/" + MetricKeys.slug(r.datasetId()) + "/";
            for (Map.Entry<String, MetricValues> m : r.metrics().entrySet()) {
                run.logArtifact(DatasetEvaluation.perClassCsv(m.getValue()).getBytes(StandardCharsets.UTF_8), dir + "per_class_" + m.getKey() + ".csv");
                if (m.getValue().confusion() != null) {
                    run.logArtifact(DatasetEvaluation.confusionCsv(m.getValue()).getBytes(StandardCharsets.UTF_8), dir + "confusion_matrix.csv");
                }
            }
            for (Map.Entry<String, byte[]> o : r.overlays().entrySet()) {
                run.logArtifact(o.getValue(), dir + "overlays/" + o.getKey() + ".png");
            }
        }
        out.print(EvaluationSummary.table(results));
        return results;
    }
}
