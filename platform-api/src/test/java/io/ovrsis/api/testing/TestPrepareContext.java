package io.ovrsis.api.testing;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;

/**
 * A {@link PrepareContext} over a project folder for plugin tests: {@code pretrain/} and
 * {@code datasets/} inside it, silent progress. A missing manager or reader fails the test when used.
 *
 * @param keyPath the component's config key
 * @param projectDir the (temporary) project folder
 * @param manager the tensors' manager, or null for components that need none
 * @param reader the checkpoint reader, or null for components that load no weights
 */
public record TestPrepareContext(String keyPath, Path projectDir, NDManager manager, StateDictReader reader)
        implements PrepareContext {

    /** For components that need neither tensors nor weights (dataset readers). */
    public TestPrepareContext(Path projectDir) {
        this("data.train", projectDir, null, null);
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
        if (reader == null) {
            throw new AssertionError("no state dict reader in this test");
        }
        return reader;
    }

    @Override
    public NDManager manager() {
        if (manager == null) {
            throw new AssertionError("no NDManager in this test");
        }
        return manager;
    }

    @Override
    public ProgressReporter progress(String task, long total) {
        return ProgressReporter.silent();
    }
}
