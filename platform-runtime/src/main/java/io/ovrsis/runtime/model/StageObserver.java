package io.ovrsis.runtime.model;

import java.util.function.Supplier;

/**
 * Watches the stages of a forward pass as they run, on the forward's own thread: the benchmark times
 * them through this, without a second implementation of the model. Stage names are those of
 * {@link OpenVocabSegmentor#stages(ai.djl.ndarray.NDArray, io.ovrsis.api.model.TextEmbeddings, boolean,
 * StageObserver)}: {@code imageEncoder} (every view as one batch, with the squash and rotations),
 * {@code auxEncoders.<name>}, {@code aggregator}, {@code fusion}, {@code decoder}.
 */
public interface StageObserver {
    /** Runs every stage as it is. */
    StageObserver NONE = new StageObserver() {
        @Override
        public <T> T run(String stage, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work}, the stage named {@code stage}, and returns its result. */
    <T> T run(String stage, Supplier<T> work);
}
