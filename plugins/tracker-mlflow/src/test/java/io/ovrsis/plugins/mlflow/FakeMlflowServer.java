package io.ovrsis.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 (ephemeral port) answering the MLflow REST endpoints the
 * tracker uses like an MLflow 2.x server with artifact serving, and recording every request.
 */
final class FakeMlflowServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, String path, String query, String authorization, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String endpoint() {
            return method + " " + path.replaceFirst("^/api/2\\.0/mlflow/", "");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    /** The experiment the server knows; null until created (or preset). */
    volatile ObjectNode experiment;
    /** What runs/create answers as artifact_uri; {@code %s} = experiment id, run id. */
    volatile String artifactUriPattern = "mlflow-artifacts:/%s/%s/artifacts";
    /** While true, runs/log-batch answers 500 INTERNAL_ERROR. */
    volatile boolean failLogBatch;

    FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        Request r = new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders().getFirst("Authorization"), body);
        synchronized (this) {
            requests.add(r);
        }
        String endpoint = r.endpoint();
        try {
            if (path.startsWith("/api/2.0/mlflow-artifacts/artifacts/") && r.method().equals("PUT")) {
                reply(ex, 200, "{}");
            } else if (endpoint.equals("GET experiments/get-by-name")) {
                if (experiment == null) {
                    reply(ex, 404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Could not find experiment\"}");
                } else {
                    reply(ex, 200, JSON.createObjectNode().set("experiment", experiment).toString());
                }
            } else if (endpoint.equals("POST experiments/create")) {
                ObjectNode e = JSON.createObjectNode();
                e.put("experiment_id", "42").put("name", r.json().get("name").asText())
                        .put("artifact_location", "mlflow-artifacts:/42").put("lifecycle_stage", "active");
                experiment = e;
                reply(ex, 200, "{\"experiment_id\": \"42\"}");
            } else if (endpoint.equals("POST runs/create")) {
                JsonNode req = r.json();
                String runId = UUID.randomUUID().toString().replace("-", "");
                ObjectNode info = JSON.createObjectNode();
                info.put("run_id", runId).put("run_uuid", runId).put("experiment_id", req.get("experiment_id").asText())
                        .put("run_name", req.path("run_name").asText()).put("user_id", req.path("user_id").asText())
                        .put("status", "RUNNING").put("start_time", req.get("start_time").asLong())
                        .put("artifact_uri", String.format(artifactUriPattern, req.get("experiment_id").asText(), runId))
                        .put("lifecycle_stage", "active");
                ObjectNode run = JSON.createObjectNode();
                run.set("info", info);
                ArrayNode tags = JSON.createArrayNode();
                req.path("tags").forEach(tags::add);
                run.set("data", JSON.createObjectNode().set("tags", tags));
                reply(ex, 200, JSON.createObjectNode().set("run", run).toString());
            } else if (endpoint.equals("POST runs/log-batch")) {
                if (failLogBatch) {
                    reply(ex, 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"database is locked\"}");
                } else {
                    reply(ex, 200, "{}");
                }
            } else if (endpoint.equals("POST runs/update")) {
                reply(ex, 200, "{\"run_info\": {}}");
            } else {
                reply(ex, 404, "{\"error_code\": \"ENDPOINT_NOT_FOUND\", \"message\": \"no " + endpoint + "\"}");
            }
        } catch (RuntimeException e) {
            reply(ex, 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"" + e + "\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
