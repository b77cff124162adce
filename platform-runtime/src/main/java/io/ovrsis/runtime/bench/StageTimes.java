package io.ovrsis.runtime.bench;

import io.ovrsis.runtime.features.ProcessMemory;
import io.ovrsis.runtime.model.StageObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock time of every stage of one forward pass, in the order the stages ran. PyTorch's CPU
 * operators finish before they return, so the time around a stage is the stage's; on a GPU the
 * times would include only the launches (the total stays right, as the result is copied back).
 */
final class StageTimes implements StageObserver {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Long> rssKiB = new LinkedHashMap<>();

    @Override
    public <T> T run(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(stage, System.nanoTime() - start, Long::sum);
            rssKiB.put(stage, ProcessMemory.now().rssKiB());
        }
    }

    /** Resident set size (KiB, -1 if unknown) right after each stage: what the pass holds so far. */
    Map<String, Long> rssKiB() {
        return rssKiB;
    }

    /** Nanoseconds by stage name, in the order first seen. */
    Map<String, Long> nanos() {
        return nanos;
    }
}
