package io.ovrsis.plugins.ovrsisbench;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A prepare context over a temporary project folder that records progress calls. */
final class TestPrepareContext implements PrepareContext {
    private final Path projectDir;
    final List<String> tasks = new ArrayList<>();
    long steps;
    /** Throw from the progress bar after this many steps (simulates an interrupted generation); -1 never. */
    long failAfterSteps = -1;

    TestPrepareContext(Path projectDir) {
        this.projectDir = projectDir;
    }

    @Override
    public String keyPath() {
        return "data.train";
    }

    @Override
    public Path projectDir() {
        return projectDir;
    }

    @Override
    public Path pretrainDir() {
        return projectDir.resolve("pretrain");
    }

    @Override
    public Path datasetsDir() {
        return projectDir.resolve("datasets");
    }

    @Override
    public StateDictReader stateDictReader() {
        throw new UnsupportedOperationException("datasets load no weights");
    }

    @Override
    public NDManager manager() {
        throw new UnsupportedOperationException("datasets need no tensors");
    }

    @Override
    public ProgressReporter progress(String task, long total) {
        tasks.add(task + " /" + total);
        return new ProgressReporter() {
            @Override
            public void step(long n) {
                steps += n;
                if (failAfterSteps >= 0 && steps > failAfterSteps) {
                    throw new IllegalStateException("interrupted (test)");
                }
            }

            @Override
            public void message(String text) {
            }

            @Override
            public void close() {
            }
        };
    }
}
