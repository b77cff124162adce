package io.ovrsis.runtime.model;

import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.api.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Total and trainable parameter counts per component and in sum (computed from shapes only). */
public final class ParameterCounter {
    private ParameterCounter() {
    }

    /** One row of the table. */
    public record Row(String component, String id, long total, long trainable) {
    }

    public static List<Row> count(Map<String, ModelComponent> components, Map<String, String> ids) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        long trainable = 0;
        for (Map.Entry<String, ModelComponent> e : components.entrySet()) {
            long t = e.getValue().module().parameterCount();
            long tr = e.getValue().module().trainableParameterCount();
            rows.add(new Row(e.getKey(), ids.getOrDefault(e.getKey(), ""), t, tr));
            total += t;
            trainable += tr;
        }
        rows.add(new Row("total", "", total, trainable));
        return rows;
    }

    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %-20s %15s %15s%n", "component", "id", "total", "trainable"));
        for (Row r : rows) {
            if (r.component().equals("total")) {
                sb.append("-".repeat(81)).append('\n');
            }
            sb.append(String.format("%-28s %-20s %,15d %,15d%n", r.component(), r.id(), r.total(), r.trainable()));
        }
        return sb.toString();
    }

    /**
     * Every parameter as {@code <component key>  <name>  <shape>  trainable|frozen  lr×m}, in model
     * order: the names own checkpoints use, for comparing against other implementations.
     */
    public static String list(Map<String, ModelComponent> components) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ModelComponent> c : components.entrySet()) {
            for (Map.Entry<String, Param> p : c.getValue().module().namedParameters().entrySet()) {
                Param param = p.getValue();
                sb.append(String.format("%s  %s  %s  %s%s%n", c.getKey(), p.getKey(), param.shape(),
                        param.trainable() ? "trainable" : "frozen",
                        param.trainable() && param.lrMultiplier() != 1f ? "  lr x" + param.lrMultiplier() : ""));
            }
        }
        return sb.toString();
    }
}
