package io.ovrsis.plugins.mlflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits metrics, params and tags into {@code runs/log-batch} requests within the server's limits
 * ({@code mlflow/utils/validation.py}): at most 1000 metrics, 100 params, 100 tags and 1000 entities
 * per request, and a body under 1 MB (estimated from the escaped key and value lengths).
 */
final class LogBatchChunker {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTITIES = 1000;
    /** The server's limit is 1,000,000 bytes; the rest is margin for the envelope and the estimate. */
    static final int MAX_BODY_BYTES = 900_000;

    record MetricPoint(String key, double value, long timestampMs, long step) {
    }

    record KeyValue(String key, String value) {
    }

    record Chunk(List<MetricPoint> metrics, List<KeyValue> params, List<KeyValue> tags) {
        int size() {
            return metrics.size() + params.size() + tags.size();
        }
    }

    private LogBatchChunker() {
    }

    static List<Chunk> split(List<MetricPoint> metrics, List<KeyValue> params, List<KeyValue> tags) {
        List<Chunk> chunks = new ArrayList<>();
        Builder b = new Builder();
        for (KeyValue p : params) {
            int bytes = 30 + jsonBytes(p.key()) + jsonBytes(p.value());
            if (b.params.size() >= MAX_PARAMS || !b.fits(bytes)) {
                b = b.flushInto(chunks);
            }
            b.params.add(p);
            b.bytes += bytes;
        }
        for (KeyValue t : tags) {
            int bytes = 30 + jsonBytes(t.key()) + jsonBytes(t.value());
            if (b.tags.size() >= MAX_TAGS || !b.fits(bytes)) {
                b = b.flushInto(chunks);
            }
            b.tags.add(t);
            b.bytes += bytes;
        }
        for (MetricPoint m : metrics) {
            int bytes = 90 + jsonBytes(m.key());
            if (b.metrics.size() >= MAX_METRICS || !b.fits(bytes)) {
                b = b.flushInto(chunks);
            }
            b.metrics.add(m);
            b.bytes += bytes;
        }
        b.flushInto(chunks);
        return chunks;
    }

    /** UTF-8 length of a string once JSON-escaped (control characters as {@code \\uXXXX}). */
    static int jsonBytes(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                n += 6;
            } else if (c == '"' || c == '\\') {
                n += 2;
            } else if (c < 0x80) {
                n += 1;
            } else {
                n += c < 0x800 ? 2 : 3; // a surrogate pair counts 6, above its 4 UTF-8 bytes
            }
        }
        return n;
    }

    private static final class Builder {
        final List<MetricPoint> metrics = new ArrayList<>();
        final List<KeyValue> params = new ArrayList<>();
        final List<KeyValue> tags = new ArrayList<>();
        int bytes = 100;

        boolean fits(int more) {
            int entities = metrics.size() + params.size() + tags.size();
            return entities < MAX_ENTITIES && (entities == 0 || bytes + more <= MAX_BODY_BYTES);
        }

        Builder flushInto(List<Chunk> chunks) {
            if (!metrics.isEmpty() || !params.isEmpty() || !tags.isEmpty()) {
                chunks.add(new Chunk(List.copyOf(metrics), List.copyOf(params), List.copyOf(tags)));
            }
            return new Builder();
        }
    }
}
