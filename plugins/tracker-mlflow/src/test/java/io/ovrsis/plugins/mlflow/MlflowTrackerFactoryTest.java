package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunTracker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowTrackerFactoryTest {
    @TempDir
    Path project;

    private RunTracker create(String uri) {
        return new MlflowTrackerFactory().create(new MlflowTrackerConfig(uri, "e", null, 5),
                new BuildContext("tracking", project, Map.of(), Optional.empty(), 0L));
    }

    @Test
    void localPathsResolveAgainstTheProject() {
        assertThat(create("mlruns").location()).isEqualTo(project.resolve("mlruns").toString());
        assertThat(create("runs/../store").location()).isEqualTo(project.resolve("store").toString());
        assertThat(create("file:relative/mlruns").location()).isEqualTo(project.resolve("relative/mlruns").toString());
        assertThat(create("/abs/mlruns").location()).isEqualTo("/abs/mlruns");
        assertThat(create("file:///abs/a%20b/mlruns").location()).isEqualTo("/abs/a b/mlruns");
        assertThat(create("file://localhost/abs/mlruns").location()).isEqualTo("/abs/mlruns");
        assertThat(create("mlruns")).isInstanceOf(FileStoreTracker.class);
    }

    @Test
    void otherSchemesAreRejectedListingTheSupportedForms() {
        for (String uri : List.of("databricks", "databricks://profile", "sqlite:///mlflow.db", "postgresql://u@h/db", "s3://bucket/x",
                "file://otherhost/x", "uc")) {
            assertThatThrownBy(() -> create(uri)).as(uri)
                    .isInstanceOfSatisfying(ComponentException.class, e -> {
                        assertThat(e.code()).isEqualTo("OVRSIS-CONFIG-CONSTRAINT");
                        assertThat(e.keyPath()).isEqualTo("tracking.uri");
                    })
                    .hasMessageContaining("file:").hasMessageContaining("http://");
        }
    }

    @Test
    void badNamesFailAtCreate() {
        assertThatThrownBy(() -> new MlflowTrackerFactory().create(new MlflowTrackerConfig("mlruns", "a\nb", null, 5),
                new BuildContext("tracking", project, Map.of(), Optional.empty(), 0L)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("control");
    }
}
