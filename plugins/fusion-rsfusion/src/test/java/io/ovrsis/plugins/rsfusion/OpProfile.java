package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-op times from PyTorch's profiler (through DJL): top-level aten ops of a few runs, grouped by
 * op and input shapes, with the time their nested {@code aten::copy_} calls took (layout copies).
 * Wall times of each op, so they include any wait for the second intra-op thread.
 */
final class OpProfile {
    private OpProfile() {
    }

    static void print(String what, Runnable body, int runs, int top) throws IOException {
        Path trace = Files.createTempFile("ovrsis-ops", ".json");
        JniUtils.startProfile(false, true, false);
        for (int i = 0; i < runs; i++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                body.run();
            }
        }
        JniUtils.stopProfile(trace.toString());
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(trace.toFile())) {
            if ("X".equals(e.path("ph").asText())) {
                events.add(e);
            }
        }
        Files.delete(trace);
        events.sort(Comparator.comparing((JsonNode e) -> e.path("tid").asText())
                .thenComparingDouble(e -> e.path("ts").asDouble())
                .thenComparingDouble(e -> -e.path("dur").asDouble()));
        Map<String, double[]> byOp = new LinkedHashMap<>(); // count, time, copy time (µs)
        Map<String, Double> openUntil = new HashMap<>();
        double[] current = null;
        for (JsonNode e : events) {
            String tid = e.path("tid").asText();
            double ts = e.path("ts").asDouble();
            double dur = e.path("dur").asDouble();
            if (ts < openUntil.getOrDefault(tid, -1.0)) {
                if (current != null && "aten::copy_".equals(e.path("name").asText())) {
                    current[2] += dur;
                }
                continue;
            }
            openUntil.put(tid, ts + dur);
            String key = e.path("name").asText() + " " + shapes(e.path("shape"));
            current = byOp.computeIfAbsent(key, k -> new double[3]);
            current[0]++;
            current[1] += dur;
        }
        double total = byOp.values().stream().mapToDouble(v -> v[1]).sum();
        System.out.printf("%s — per-op profile, %d runs: %.1f ms of top-level ops per run, %.0f ops per run%n", what,
                runs, total / 1e3 / runs, byOp.values().stream().mapToDouble(v -> v[0]).sum() / runs);
        byOp.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(en -> System.out.printf("  %7.2f ms %4.0f× (copies %6.2f ms)  %s%n", en.getValue()[1] / 1e3 / runs,
                        en.getValue()[0] / runs, en.getValue()[2] / 1e3 / runs, en.getKey()));
    }

    private static String shapes(JsonNode shape) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : shape) {
            if (s.size() > 0) {
                out.add(s.toString());
            }
        }
        return out.toString();
    }
}
