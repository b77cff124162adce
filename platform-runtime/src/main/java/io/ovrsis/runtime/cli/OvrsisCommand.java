package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.plugin.PluginLocation;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ovrsis}: the top-level command and what its sub-commands share. */
@Command(name = "ovrsis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "OVRSIS Lab: open-vocabulary remote-sensing segmentation experiments.",
            "Experiments are YAML files composing plugins (encoders, cost aggregator, fusion head, decoder,",
            "datasets, metrics, tracker); runs are logged to MLflow.",
            "",
            "Start with:  ovrsis run experiments/demo.yaml",
        },
        subcommands = {RunCommand.class, EvalCommand.class, PredictCommand.class, BenchCommand.class, ValidateCommand.class,
            PrintConfigCommand.class, ParamsCommand.class, FeaturesCommand.class, PluginsCommand.class, DoctorCommand.class},
        footer = {"", "Exit codes: 0 success, 2 a mistake in the input (config, weights, data, plugins), 1 an internal error,",
            "130 interrupted. Add --debug to any command for stack traces and more logging."})
public final class OvrsisCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and info-level logs.")
    boolean debug;

    @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Load plugin jars/zips from DIR (deployment mode). Default: $OVRSIS_PLUGINS_DIR, else the "
                    + "source tree's plugins/ (development mode).")
    String pluginsDir;

    private LoadedExperiment currentExperiment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The project root: where experiments, configs, pretrain/, datasets/ and mlruns/ are. */
    Path projectDir() {
        String p = System.getProperty("ovrsis.project.dir");
        return Path.of(p != null ? p : ".").toAbsolutePath().normalize();
    }

    PluginHost startPlugins() {
        return PluginHost.start(PluginLocation.resolve(projectDir(), pluginsDir, System.getenv()));
    }

    void setCurrentExperiment(LoadedExperiment loaded) {
        this.currentExperiment = loaded;
    }

    /** The experiment being processed, so that errors can point at its files and lines. */
    LoadedExperiment currentExperiment() {
        return currentExperiment;
    }
}
