package io.ovrsis.runtime.train;

/** Callbacks from the training loop (detectron2-style hooks; keep them cheap). */
public interface TrainingListener {

    /** After the optimizer step of {@code iteration} (1-based count of completed iterations). */
    default void onStep(int iteration, double loss, double lr, double gradNorm) {
    }

    /** When a checkpoint was written. */
    default void onCheckpoint(int iteration, java.nio.file.Path checkpoint) {
    }
}
