package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.plugins.mlflow.LogBatchChunker.Chunk;
import io.ovrsis.plugins.mlflow.LogBatchChunker.KeyValue;
import io.ovrsis.plugins.mlflow.LogBatchChunker.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchChunkerTest {

    private static List<MetricPoint> metrics(int n) {
        List<MetricPoint> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(new MetricPoint("loss", i, 1_700_000_000_000L + i, i));
        }
        return m;
    }

    private static List<KeyValue> kv(String prefix, int n, int valueLength) {
        List<KeyValue> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new KeyValue(prefix + i, "v".repeat(valueLength)));
        }
        return l;
    }

    @Test
    void respectsEveryCountLimitAndKeepsOrder() {
        List<MetricPoint> metrics = metrics(2500);
        List<KeyValue> params = kv("p", 150, 5);
        List<KeyValue> tags = kv("t", 120, 5);
        List<Chunk> chunks = LogBatchChunker.split(metrics, params, tags);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.metrics()).hasSizeLessThanOrEqualTo(1000);
            assertThat(c.params()).hasSizeLessThanOrEqualTo(100);
            assertThat(c.tags()).hasSizeLessThanOrEqualTo(100);
            assertThat(c.size()).isLessThanOrEqualTo(1000);
        });
        assertThat(chunks.stream().flatMap(c -> c.metrics().stream()).toList()).isEqualTo(metrics);
        assertThat(chunks.stream().flatMap(c -> c.params().stream()).toList()).isEqualTo(params);
        assertThat(chunks.stream().flatMap(c -> c.tags().stream()).toList()).isEqualTo(tags);
        // 100 p | 50 p + 100 t | 20 t + 980 m | 1000 m | 520 m
        assertThat(chunks).extracting(Chunk::size).containsExactly(100, 150, 1000, 1000, 520);
    }

    @Test
    void splitsLargeValuesUnderTheBodyLimit() {
        List<KeyValue> params = kv("p", 100, 6000);
        List<KeyValue> tags = kv("t", 100, 8000);
        List<Chunk> chunks = LogBatchChunker.split(List.of(), params, tags);
        assertThat(chunks).allSatisfy(c -> {
            long bytes = c.params().stream().mapToLong(p -> p.key().length() + p.value().length() + 30).sum()
                    + c.tags().stream().mapToLong(t -> t.key().length() + t.value().length() + 30).sum();
            assertThat(bytes).isLessThan(1_000_000);
        });
        assertThat(chunks.size()).isGreaterThanOrEqualTo(2);
        assertThat(chunks.stream().mapToInt(Chunk::size).sum()).isEqualTo(200);
    }

    @Test
    void nothingGivesNoChunk() {
        assertThat(LogBatchChunker.split(List.of(), List.of(), List.of())).isEmpty();
    }

    @Test
    void escapedLengths() {
        assertThat(LogBatchChunker.jsonBytes("ab")).isEqualTo(4);
        assertThat(LogBatchChunker.jsonBytes("\"\n")).isEqualTo(2 + 2 + 6);
        assertThat(LogBatchChunker.jsonBytes("é")).isEqualTo(4);
    }
}
