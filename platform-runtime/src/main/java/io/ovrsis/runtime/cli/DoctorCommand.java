package io.ovrsis.runtime.cli;

import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import io.ovrsis.api.component.Slot;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.util.PlatformVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis doctor}: the facts to paste into a bug report. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Print Java, DJL, the PyTorch flavour and library folder in use, the device, GPU visibility,",
            "the plugins found and where runs, weights and datasets live."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Override
    public Integer call() {
        Path project = root.projectDir();
        line("OVRSIS Lab", PlatformVersion.api());
        line("project", project.toString());
        line("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        line("max heap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        line("cpu cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        line("DJL", PlatformVersion.djl());
        try {
            Engine engine = Engine.getEngine("PyTorch");
            line("engine", engine.getEngineName() + " " + engine.getVersion());
            line("pytorch flavour", System.getenv().getOrDefault("PYTORCH_FLAVOR", "from the bundled native jar (cpu)"));
            line("pytorch library", libraryPath());
            line("default device", engine.defaultDevice().toString());
            line("GPUs visible", CudaUtils.getGpuCount() + (System.getenv("CUDA_VISIBLE_DEVICES") != null
                    ? " (CUDA_VISIBLE_DEVICES=" + System.getenv("CUDA_VISIBLE_DEVICES") + ")" : ""));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            line("engine", "FAILED to load PyTorch: " + e.getMessage());
        }
        line("mlruns", project.resolve("mlruns") + (Files.isDirectory(project.resolve("mlruns")) ? "" : " (not created yet)"));
        line("pretrain", project.resolve("pretrain") + describe(project.resolve("pretrain")));
        line("datasets", project.resolve("datasets") + describe(project.resolve("datasets")));
        try (PluginHost host = root.startPlugins()) {
            line("plugins", host.location().describe());
            host.plugins().forEach(p -> System.out.printf("  %-22s %s %s%n", p.id(), p.version(), p.state().toLowerCase(java.util.Locale.ROOT)));
            for (Slot s : Slot.values()) {
                System.out.printf("  %-22s %s%n", s.displayName(), String.join(", ",
                        host.catalog().components(s).stream().map(c -> c.id()).toList()));
            }
        } catch (RuntimeException e) {
            line("plugins", "PROBLEM: " + e.getMessage());
        }
        return UserErrors.OK;
    }

    private static String libraryPath() {
        String env = System.getenv("PYTORCH_LIBRARY_PATH");
        if (env != null) {
            return env + " (PYTORCH_LIBRARY_PATH)";
        }
        Path cache = Path.of(System.getProperty("user.home"), ".djl.ai", "pytorch");
        String override = System.getenv("ENGINE_CACHE_DIR");
        if (override != null) {
            cache = Path.of(override, "pytorch");
        }
        try (var s = Files.list(cache)) {
            return String.join(", ", s.map(Path::toString).sorted().toList());
        } catch (java.io.IOException e) {
            return cache + " (not found)";
        }
    }

    private static String describe(Path dir) {
        if (!Files.isDirectory(dir)) {
            return " (missing)";
        }
        try (var s = Files.list(dir)) {
            long n = s.filter(p -> !p.getFileName().toString().equals("README.md")).count();
            return " (" + n + " entries)";
        } catch (java.io.IOException e) {
            return " (unreadable)";
        }
    }

    private static void line(String key, String value) {
        System.out.printf("%-16s %s%n", key, value);
    }
}
