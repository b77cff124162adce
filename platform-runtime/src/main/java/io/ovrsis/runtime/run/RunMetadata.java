package io.ovrsis.runtime.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.runtime.config.BoundComponent;
import io.ovrsis.runtime.config.ConfigFlattener;
import io.ovrsis.runtime.config.ConfigPrinter;
import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.plugin.ComponentCatalog;
import io.ovrsis.runtime.util.GitInfo;
import io.ovrsis.runtime.util.PlatformVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run records about itself: name, tags (git, plugins, config hash), params, resolved config. */
public final class RunMetadata {
    private final LoadedExperiment loaded;
    private final ComponentCatalog catalog;
    private final Path projectDir;
    private final String runName;
    private final String command;

    public RunMetadata(LoadedExperiment loaded, ComponentCatalog catalog, Path projectDir, String runName, String command) {
        this.loaded = loaded;
        this.catalog = catalog;
        this.projectDir = projectDir;
        this.command = command;
        String stem = loaded.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        this.runName = runName != null ? runName
                : stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    public String runName() {
        return runName;
    }

    public Map<String, String> tags(ComposedExperiment experiment) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.source.name", command + " " + relative(loaded.file()));
        GitInfo.commit(projectDir).ifPresent(c -> tags.put("mlflow.source.git.commit", c));
        GitInfo.branch(projectDir).ifPresent(b -> tags.put("mlflow.source.git.branch", b));
        tags.put("ovrsis.command", command);
        tags.put("ovrsis.experiment.file", relative(loaded.file()));
        tags.put("ovrsis.config.sha256", configSha256());
        tags.put("ovrsis.platform.version", PlatformVersion.api());
        tags.put("ovrsis.djl.version", PlatformVersion.djl());
        for (BoundComponent c : experiment.boundComponents()) {
            catalog.registered(c.slot(), c.id()).ifPresent(r -> {
                tags.put("ovrsis.plugin." + r.pluginId() + ".version", r.pluginVersion());
                tags.put("ovrsis.component." + c.keyPath().replace("[", ".").replace("]", ""), c.id());
            });
        }
        return tags;
    }

    public Map<String, String> params() {
        return ConfigFlattener.flatten(loaded.tree());
    }

    public String resolvedYaml() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(loaded.tree());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String provenanceYaml() {
        return ConfigPrinter.print(loaded);
    }

    public String configSha256() {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(loaded.tree());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(projectDir) ? projectDir.relativize(abs).toString() : abs.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
