package io.ovrsis.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pf4j.RuntimeMode;

/** Development mode over the project's own plugins/ folder (built earlier in the reactor). */
class SourceTreePluginsIT {

    @Test
    void everyShippedPluginContributesItsComponents() {
        Path project = Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath().normalize();
        try (PluginHost host = PluginHost.start(new PluginLocation(project.resolve("plugins"), RuntimeMode.DEVELOPMENT))) {
            ComponentCatalog c = host.catalog();
            assertThat(c.components(Slot.IMAGE_ENCODER)).extracting(RegisteredComponent::id)
                    .contains("clip-vit", "clip-vit-b16", "clip-vit-b32", "clip-vit-l14-336", "remoteclip-vit-b32");
            assertThat(c.components(Slot.TEXT_ENCODER)).extracting(RegisteredComponent::id).contains("clip-text", "clip-text-b16");
            assertThat(c.components(Slot.COST_AGGREGATOR)).extracting(RegisteredComponent::id).contains("rscma");
            assertThat(c.components(Slot.FUSION_HEAD)).extracting(RegisteredComponent::id).contains("rsfusion");
            assertThat(c.components(Slot.DECODER)).extracting(RegisteredComponent::id).contains("rstransfer");
            assertThat(c.components(Slot.DATASET_READER)).extracting(RegisteredComponent::id)
                    .contains("synthetic-aerial", "dlrsd", "isaid", "potsdam", "vaihingen", "loveda", "uavid", "udd5", "vdd");
            assertThat(c.components(Slot.METRIC)).extracting(RegisteredComponent::id).contains("semseg");
            assertThat(c.components(Slot.RUN_TRACKER)).extracting(RegisteredComponent::id).contains("mlflow");
            assertThat(c.registered(Slot.DECODER, "rstransfer").orElseThrow().pluginId()).isEqualTo("decoder-rstransfer");
        }
    }

    @Test
    void theBuiltPluginZipsLoadInDeploymentMode(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path project = Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath().normalize();
        try (var plugins = java.nio.file.Files.list(project.resolve("plugins"))) {
            for (Path p : plugins.filter(d -> java.nio.file.Files.isDirectory(d.resolve("src/main/java"))).toList()) {
                try (var zips = java.nio.file.Files.list(p.resolve("target"))) {
                    for (Path zip : zips.filter(z -> z.getFileName().toString().endsWith(".zip")).toList()) {
                        java.nio.file.Files.copy(zip, dir.resolve(zip.getFileName()));
                    }
                }
            }
        }
        try (PluginHost host = PluginHost.start(new PluginLocation(dir, RuntimeMode.DEPLOYMENT))) {
            assertThat(host.plugins()).extracting(PluginSummary::id).contains("backbone-clip", "tracker-mlflow", "decoder-rstransfer");
            assertThat(host.catalog().components(Slot.RUN_TRACKER)).extracting(RegisteredComponent::id).containsExactly("mlflow");
            assertThat(host.catalog().components(Slot.IMAGE_ENCODER)).extracting(RegisteredComponent::id).contains("clip-vit-b16");
        }
    }
}
