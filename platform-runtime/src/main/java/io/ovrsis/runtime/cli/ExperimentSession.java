package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.config.ExperimentBinder;
import io.ovrsis.runtime.config.ExperimentLoader;
import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.run.ComposedExperiment;
import io.ovrsis.runtime.run.RuntimeEnvironment;
import io.ovrsis.runtime.weights.TorchCheckpointReader;
import java.nio.file.Path;

/** Plugins started, experiment loaded, validated and composed: what run/eval/validate/params share. */
final class ExperimentSession implements AutoCloseable {
    private final PluginHost host;
    private final LoadedExperiment loaded;
    private final ComposedExperiment composed;

    private ExperimentSession(PluginHost host, LoadedExperiment loaded, ComposedExperiment composed) {
        this.host = host;
        this.loaded = loaded;
        this.composed = composed;
    }

    static ExperimentSession open(OvrsisCommand root, ExperimentOptions options) {
        Path projectDir = root.projectDir();
        LoadedExperiment loaded = new ExperimentLoader(projectDir).load(options.file, options.overrides);
        root.setCurrentExperiment(loaded);
        PluginHost host = root.startPlugins();
        try {
            ExperimentSpec spec = new ExperimentBinder().bind(loaded, host.catalog());
            ComposedExperiment composed = ComposedExperiment.compose(loaded, spec, host.catalog(), projectDir);
            return new ExperimentSession(host, loaded, composed);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /**
     * Weight files live in {@code pretrain/} and datasets in {@code datasets/} of the project, unless the
     * environment variables {@code OVRSIS_PRETRAIN_DIR} / {@code OVRSIS_DATASETS_DIR} name other folders
     * (weights and data kept on another disk or shared between checkouts).
     */
    static RuntimeEnvironment environment(Path projectDir) {
        return new RuntimeEnvironment(projectDir, folder(projectDir, "OVRSIS_PRETRAIN_DIR", "pretrain"),
                folder(projectDir, "OVRSIS_DATASETS_DIR", "datasets"), new TorchCheckpointReader(), ConsoleProgress::start);
    }

    private static Path folder(Path projectDir, String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? projectDir.resolve(fallback) : projectDir.resolve(value).normalize();
    }

    PluginHost host() {
        return host;
    }

    LoadedExperiment loaded() {
        return loaded;
    }

    ComposedExperiment composed() {
        return composed;
    }

    @Override
    public void close() {
        host.close();
    }
}
