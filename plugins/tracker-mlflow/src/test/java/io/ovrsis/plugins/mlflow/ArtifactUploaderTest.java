package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import org.junit.jupiter.api.Test;

class ArtifactUploaderTest {

    @Test
    void resolvesMlflowArtifactsUris() {
        assertThat(ArtifactUploader.resolve("mlflow-artifacts:/42/abc/artifacts", "http://h:5000", "t"))
                .isEqualTo("http://h:5000/api/2.0/mlflow-artifacts/artifacts/42/abc/artifacts");
        assertThat(ArtifactUploader.resolve("mlflow-artifacts:/42/abc/artifacts", "https://h/prefix", "t"))
                .isEqualTo("https://h/prefix/api/2.0/mlflow-artifacts/artifacts/42/abc/artifacts");
        assertThat(ArtifactUploader.resolve("mlflow-artifacts://other:8080/42/abc/artifacts", "https://h/prefix", "t"))
                .isEqualTo("https://other:8080/api/2.0/mlflow-artifacts/artifacts/42/abc/artifacts");
    }

    @Test
    void refusesOtherArtifactStores() {
        for (String uri : new String[] {"s3://b/1/r/artifacts", "file:///srv/mlruns/1/r/artifacts", "gs://b/x", "wasbs://c@a/x"}) {
            assertThatThrownBy(() -> ArtifactUploader.resolve(uri, "http://h:5000", "tracking"))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.keyPath()).isEqualTo("tracking.uri"))
                    .hasMessageContaining(uri).hasMessageContaining("mlflow-artifacts:");
        }
    }

    @Test
    void encodesPathSegments() {
        assertThat(ArtifactUploader.encodeSegment("summary 1.txt")).isEqualTo("summary%201.txt");
        assertThat(ArtifactUploader.encodeSegment("ä#?")).isEqualTo("%C3%A4%23%3F");
        assertThat(ArtifactUploader.encodeSegment("a-b_c.d~")).isEqualTo("a-b_c.d~");
    }
}
