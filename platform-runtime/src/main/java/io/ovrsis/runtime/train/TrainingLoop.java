package io.ovrsis.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Param;
import io.ovrsis.runtime.checkpoint.CheckpointState;
import io.ovrsis.runtime.checkpoint.CheckpointStore;
import io.ovrsis.runtime.data.TrainBatch;
import io.ovrsis.runtime.data.TrainBatchLoader;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop: per iteration, inside one {@link NDScope} (every temporary is freed), the text
 * is re-encoded (its q/v projections may be trainable), the model runs with autograd, the BCE loss is
 * back-propagated, gradients are clipped by global norm and AdamW steps with the cosine-scheduled
 * learning rate. Checkpoints every {@code checkpointEvery} iterations and at the end.
 */
public final class TrainingLoop {
    private final OpenVocabSegmentor model;
    private final NDManager manager;
    private final TrainSettings settings;
    private final List<String> classNames;
    private final CheckpointStore checkpoints;

    public TrainingLoop(OpenVocabSegmentor model, NDManager manager, TrainSettings settings, List<String> classNames,
                        CheckpointStore checkpoints) {
        this.model = model;
        this.manager = manager;
        this.settings = settings;
        this.classNames = List.copyOf(classNames);
        this.checkpoints = checkpoints;
    }

    /**
     * Trains from {@code startIteration} to {@code settings.iterations()}.
     *
     * @return the last checkpoint written
     */
    public Path run(TrainBatchLoader loader, AdamW optimizer, int startIteration, CheckpointState template,
                    TrainingListener listener, ProgressReporter progress) throws IOException {
        CosineSchedule schedule = new CosineSchedule(settings.lr(), settings.iterations(), settings.warmupIters(),
                CosineSchedule.DETECTRON2_WARMUP_FACTOR);
        Map<String, Param> trainable = new LinkedHashMap<>();
        model.module().namedParameters().forEach((n, p) -> {
            if (p.trainable()) {
                trainable.put(n, p);
            }
        });
        if (trainable.isEmpty() && settings.iterations() > startIteration) {
            throw new IllegalStateException("nothing to train: every parameter is frozen");
        }
        Path last = null;
        double smoothed = Double.NaN;
        for (int it = startIteration; it < settings.iterations(); it++) {
            double lr = schedule.lr(it);
            TrainBatch batch = loader.next();
            double loss;
            double gradNorm;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                loss = forwardBackward(batch);
                gradNorm = GradientClipping.clip(trainable, settings.gradClipNorm());
                optimizer.step(trainable, lr);
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("the loss became " + loss + " at iteration " + (it + 1)
                        + "; lower train.lr or check the data");
            }
            smoothed = Double.isNaN(smoothed) ? loss : 0.9 * smoothed + 0.1 * loss;
            int done = it + 1;
            listener.onStep(done, loss, lr, gradNorm);
            progress.message(String.format(java.util.Locale.ROOT, "loss %.4f lr %.2e", smoothed, lr));
            progress.step();
            boolean periodic = settings.checkpointEvery() > 0 && done % settings.checkpointEvery() == 0;
            if (periodic || done == settings.iterations()) {
                last = checkpoints.save(model.module(), optimizer.state(),
                        new CheckpointState(done, template.seed(), template.configSha256(), template.runId()));
                listener.onCheckpoint(done, last);
            }
        }
        return last;
    }

    private double forwardBackward(TrainBatch batch) {
        int b = batch.batchSize();
        int s = batch.size();
        NDArray images = manager.create(batch.images(), new Shape(b, 3, s, s));
        NDArray labels = manager.create(batch.labels(), new Shape(b, s, s));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            TextEmbeddings text = model.encodeText(classNames, manager, true);
            NDArray logits = model.forward(images, text, true);
            NDArray loss = SegmentationLoss.bce(logits, labels);
            collector.backward(loss);
            return loss.getFloat();
        }
    }
}
