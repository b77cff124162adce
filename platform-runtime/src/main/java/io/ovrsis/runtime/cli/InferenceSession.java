package io.ovrsis.runtime.cli;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.runtime.checkpoint.CheckpointStore;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.eval.Predictor;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.run.ComposedExperiment;
import io.ovrsis.runtime.run.Preparation;
import io.ovrsis.runtime.train.GradMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What {@code predict} and {@code bench} share: the experiment composed, its model prepared as
 * {@code eval} prepares it (seeded initialisation, then each component's pretrained weights and
 * freezing rules), the checkpoint loaded through the same {@link CheckpointStore} calls as
 * {@code eval}, autograd off.
 */
final class InferenceSession implements AutoCloseable {
    private final ExperimentSession session;
    private final NDManager manager;
    private final Path checkpoint;

    private InferenceSession(ExperimentSession session, NDManager manager, Path checkpoint) {
        this.session = session;
        this.manager = manager;
        this.checkpoint = checkpoint;
    }

    /** @param checkpoint a checkpoint as {@code eval --checkpoint} takes it, or null for the prepared weights only */
    static InferenceSession open(OvrsisCommand root, ExperimentOptions options, Path checkpoint, PrintStream out) {
        ExperimentSession session = ExperimentSession.open(root, options);
        session.composed().unusedFeatures().forEach(w -> out.println("Note: " + w));
        NDManager manager = null;
        try {
            GradMode.off();
            manager = NDManager.newBaseManager();
            ComposedExperiment experiment = session.composed();
            Preparation.prepareModel(experiment, ExperimentSession.environment(root.projectDir()), manager);
            Path resolved = null;
            if (checkpoint != null) {
                resolved = CheckpointStore.resolve(checkpoint);
                try {
                    CheckpointStore.loadModel(resolved, experiment.model().module(), manager);
                } catch (ComponentException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    Path file = java.nio.file.Files.isDirectory(resolved) ? resolved.resolve("model.safetensors") : resolved;
                    throw new ComponentException("OVRSIS-CHECKPOINT", "", file + " cannot be read as a checkpoint ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Is the file complete?", e);
                }
                out.println("Loaded checkpoint " + resolved);
            }
            return new InferenceSession(session, manager, resolved);
        } catch (RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            session.close();
            throw e;
        }
    }

    ExperimentSession session() {
        return session;
    }

    OpenVocabSegmentor model() {
        return session.composed().model();
    }

    NDManager manager() {
        return manager;
    }

    /** The resolved checkpoint folder or file, or null. */
    Path checkpoint() {
        return checkpoint;
    }

    /** The experiment's {@code eval.inference} settings (shortest edge, max size, padding). */
    InferenceSettings inferenceSettings() {
        return InferenceSettings.of(session.composed().spec());
    }

    Predictor predictor() {
        return new Predictor(model(), inferenceSettings(), manager);
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            session.close();
        }
    }
}
