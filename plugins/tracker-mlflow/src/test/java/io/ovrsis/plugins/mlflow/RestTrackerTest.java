package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestTrackerTest {
    @TempDir
    Path temp;

    /** metricFlushSeconds = 3600: only the 1000-metric threshold and end() flush in these tests. */
    private static RestTracker tracker(FakeMlflowServer server, Map<String, String> env) {
        return new RestTracker(server.url(), new MlflowTrackerConfig(server.url(), "rsktseg-demo", null, 3600), "tracking", env);
    }

    /** The request sequence, artifact PUTs abbreviated. */
    private static List<String> sequence(List<FakeMlflowServer.Request> requests) {
        return requests.stream()
                .map(r -> r.path().startsWith("/api/2.0/mlflow-artifacts/") ? r.method() + " artifact" : r.endpoint()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Map<String, String> keyValues(JsonNode array) {
        Map<String, String> m = new LinkedHashMap<>();
        list(array).forEach(n -> m.put(n.get("key").asText(), n.get("value").asText()));
        return m;
    }

    @Test
    void fullRunAgainstAFakeServer() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            RestTracker tracker = tracker(server, Map.of(ServerAuth.TOKEN, "s3cr3t"));
            assertThat(tracker.location()).isEqualTo(server.url());
            assertThat(server.requests()).isEmpty();
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < 250; i++) {
                params.put("model.p" + i, "v" + i);
            }
            Path local = Files.writeString(temp.resolve("summary.txt"), "mIoU 42.0\n");
            String runId;
            try (TrackedRun run = tracker.startRun("baseline", Map.of("ovrsis.config.sha256", "abc"))) {
                runId = run.runId();
                assertThat(run.experimentId()).isEqualTo("42");
                run.logParams(params);
                run.logParams(Map.of("model.p0", "v0"));
                assertThatThrownBy(() -> run.logParams(Map.of("model.p0", "changed")))
                        .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo(FileStoreRun.PARAM_CHANGED));
                run.setTag("stage", "eval");
                for (int i = 0; i < 2500; i++) {
                    run.logMetric("loss", 1.0 / (i + 1), i);
                }
                run.logMetric("eval/miou", Double.NaN, 7);
                run.logArtifact(local, "reports/summary 1.txt");
                run.logArtifact("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "config/params.json");
                assertThatThrownBy(() -> run.logMetric("bad key!", 1, 0)).isInstanceOf(ComponentException.class);
                run.end(RunStatus.FINISHED);
            }
            List<FakeMlflowServer.Request> reqs = server.requests();
            assertThat(sequence(reqs)).containsExactly(
                    "GET experiments/get-by-name", "POST experiments/create", "POST runs/create",
                    "POST runs/log-batch", "POST runs/log-batch", "POST runs/log-batch",  // 250 params: 100 + 100 + 50
                    "POST runs/log-batch",                                                 // tag
                    "POST runs/log-batch", "POST runs/log-batch",                         // 1000 + 1000 metrics at the threshold
                    "PUT artifact", "PUT artifact",
                    "POST runs/log-batch",                                                 // last 501 metrics at end()
                    "POST runs/update");
            assertThat(reqs).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cr3t"));
            assertThat(reqs.get(0).query()).isEqualTo("experiment_name=rsktseg-demo");
            assertThat(reqs.stream().filter(r -> r.endpoint().equals("POST experiments/create")).findFirst().orElseThrow()
                    .json().get("name").asText()).isEqualTo("rsktseg-demo");

            JsonNode create = reqs.stream().filter(r -> r.endpoint().equals("POST runs/create")).findFirst().orElseThrow().json();
            assertThat(create.get("experiment_id").asText()).isEqualTo("42");
            assertThat(create.get("run_name").asText()).isEqualTo("baseline");
            assertThat(create.get("user_id").asText()).isEqualTo(SystemTags.osUser());
            assertThat(create.get("start_time").asLong()).isPositive();
            assertThat(keyValues(create.get("tags"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "mlflow.runName", "baseline", "mlflow.user", SystemTags.osUser(), "mlflow.source.name", "ovrsis",
                    "mlflow.source.type", "LOCAL", "ovrsis.config.sha256", "abc"));

            List<JsonNode> batches = reqs.stream().filter(r -> r.endpoint().equals("POST runs/log-batch"))
                    .map(FakeMlflowServer.Request::json).toList();
            assertThat(batches).allSatisfy(b -> assertThat(b.get("run_id").asText()).isEqualTo(runId));
            assertThat(batches).extracting(b -> list(b.get("params")).size()).containsExactly(100, 100, 50, 0, 0, 0, 0);
            assertThat(batches).extracting(b -> list(b.get("tags")).size()).containsExactly(0, 0, 0, 1, 0, 0, 0);
            assertThat(batches).extracting(b -> list(b.get("metrics")).size()).containsExactly(0, 0, 0, 0, 1000, 1000, 501);
            Map<String, String> sentParams = new HashMap<>();
            batches.forEach(b -> sentParams.putAll(keyValues(b.get("params"))));
            assertThat(sentParams).isEqualTo(params);
            JsonNode first = batches.get(4).get("metrics").get(0);
            assertThat(first.get("key").asText()).isEqualTo("loss");
            assertThat(first.get("value").asDouble()).isEqualTo(1.0);
            assertThat(first.get("step").asLong()).isZero();
            assertThat(first.get("timestamp").asLong()).isPositive();
            List<JsonNode> last = list(batches.get(6).get("metrics"));
            assertThat(last.get(499).get("step").asLong()).isEqualTo(2499);
            assertThat(last.get(500).get("key").asText()).isEqualTo("eval/miou");
            assertThat(last.get(500).get("value").asText()).isEqualTo("NaN");

            List<FakeMlflowServer.Request> puts = reqs.stream().filter(r -> r.method().equals("PUT")).toList();
            assertThat(puts).extracting(FakeMlflowServer.Request::path).containsExactly(
                    "/api/2.0/mlflow-artifacts/artifacts/42/" + runId + "/artifacts/reports/summary%201.txt",
                    "/api/2.0/mlflow-artifacts/artifacts/42/" + runId + "/artifacts/config/params.json");
            assertThat(new String(puts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("mIoU 42.0\n");
            assertThat(new String(puts.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");

            JsonNode update = reqs.get(reqs.size() - 1).json();
            assertThat(update.get("run_id").asText()).isEqualTo(runId);
            assertThat(update.get("status").asText()).isEqualTo("FINISHED");
            assertThat(update.get("end_time").asLong()).isGreaterThanOrEqualTo(create.get("start_time").asLong());
        }
    }

    @Test
    void existingExperimentBasicAuthAndCloseWithoutEndIsFailed() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.experiment = FakeMlflowServer.JSON.createObjectNode().put("experiment_id", "7").put("name", "rsktseg-demo")
                    .put("lifecycle_stage", "active");
            RestTracker tracker = tracker(server, Map.of(ServerAuth.USERNAME, "ann", ServerAuth.PASSWORD, "pw", ServerAuth.TOKEN, "t"));
            try (TrackedRun run = tracker.startRun("r", Map.of())) {
                run.logMetric("loss", 0.5, 1);
                assertThat(run.experimentId()).isEqualTo("7");
            }
            List<FakeMlflowServer.Request> reqs = server.requests();
            assertThat(sequence(reqs)).containsExactly("GET experiments/get-by-name", "POST runs/create", "POST runs/log-batch",
                    "POST runs/update");
            String basic = "Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8));
            assertThat(reqs).allSatisfy(r -> assertThat(r.authorization()).isEqualTo(basic));
            assertThat(reqs.get(reqs.size() - 1).json().get("status").asText()).isEqualTo("FAILED");
        }
    }

    @Test
    void metricsSurviveAFailedFlush() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            TrackedRun run = tracker(server, Map.of()).startRun("r", Map.of());
            server.failLogBatch = true;
            for (int i = 0; i < 999; i++) {
                run.logMetric("loss", i, i);
            }
            assertThatThrownBy(() -> run.logMetric("loss", 999, 999)).isInstanceOf(IOException.class)
                    .hasMessageContaining("runs/log-batch").hasMessageContaining("500").hasMessageContaining("INTERNAL_ERROR")
                    .hasMessageContaining("database is locked");
            server.failLogBatch = false;
            int failedRequests = server.requests().size();
            run.logMetric("loss", 1000, 1000);
            run.end(RunStatus.FINISHED);
            List<FakeMlflowServer.Request> reqs = server.requests();
            List<Long> deliveredSteps = reqs.subList(failedRequests, reqs.size()).stream()
                    .filter(r -> r.endpoint().equals("POST runs/log-batch"))
                    .flatMap(r -> list(r.json().get("metrics")).stream()).map(m -> m.get("step").asLong()).toList();
            assertThat(deliveredSteps).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 1000).boxed().toList());
            assertThat(reqs.get(reqs.size() - 1).json().get("status").asText()).isEqualTo("FINISHED");
        }
    }

    @Test
    void killedStatusIsSent() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            TrackedRun run = tracker(server, Map.of()).startRun("r", Map.of());
            run.end(RunStatus.KILLED);
            run.close();
            List<FakeMlflowServer.Request> reqs = server.requests();
            assertThat(reqs.get(reqs.size() - 1).json().get("status").asText()).isEqualTo("KILLED");
            assertThat(reqs).allSatisfy(r -> assertThat(r.authorization()).isNull());
            assertThat(reqs.stream().filter(r -> r.endpoint().equals("POST runs/update")).count()).isEqualTo(1);
        }
    }

    @Test
    void nonMlflowServerIsExplained() throws IOException {
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", ex -> {
            byte[] b = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort() + "/wrong";
            RestTracker t = new RestTracker(url, new MlflowTrackerConfig(url, "e", null, 5), "tracking", Map.of());
            assertThatThrownBy(() -> t.startRun("r", Map.of())).isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 404").hasMessageContaining("an MLflow tracking server");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void deletedExperimentIsAnError() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.experiment = FakeMlflowServer.JSON.createObjectNode().put("experiment_id", "9").put("name", "rsktseg-demo")
                    .put("lifecycle_stage", "deleted");
            assertThatThrownBy(() -> tracker(server, Map.of()).startRun("r", Map.of()))
                    .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo(FileStore.EXPERIMENT_DELETED))
                    .hasMessageContaining("restore");
            assertThat(sequence(server.requests())).containsExactly("GET experiments/get-by-name");
        }
    }

    @Test
    void nonProxiedArtifactStoreIsRefusedAtStart() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.artifactUriPattern = "s3://bucket/%s/%s/artifacts";
            assertThatThrownBy(() -> tracker(server, Map.of()).startRun("r", Map.of()))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("s3://bucket/").hasMessageContaining("mlflow-artifacts");
        }
    }

    @Test
    void unreachableServerIsAnIoErrorNamingTheCall() {
        RestTracker t = new RestTracker("http://127.0.0.1:1", new MlflowTrackerConfig("http://127.0.0.1:1", "e", null, 5), "tracking",
                Map.of());
        assertThatThrownBy(() -> t.startRun("r", Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("experiments/get-by-name");
    }
}
