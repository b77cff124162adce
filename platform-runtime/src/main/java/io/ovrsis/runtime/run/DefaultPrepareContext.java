package io.ovrsis.runtime.run;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;

/** {@link PrepareContext} for one component. */
record DefaultPrepareContext(String keyPath, RuntimeEnvironment env, NDManager manager) implements PrepareContext {
    @Override
    public Path projectDir() {
        return env.projectDir();
    }

    @Override
    public Path pretrainDir() {
        return env.pretrainDir();
    }

    @Override
    public Path datasetsDir() {
        return env.datasetsDir();
    }

    @Override
    public StateDictReader stateDictReader() {
        return env.stateDictReader();
    }

    @Override
    public ProgressReporter progress(String task, long total) {
        return env.progress().apply(task, total);
    }
}
