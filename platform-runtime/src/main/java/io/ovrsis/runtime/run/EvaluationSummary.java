package io.ovrsis.runtime.run;

import io.ovrsis.api.eval.MetricValues;
import io.ovrsis.runtime.eval.DatasetEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Flattens evaluation results into MLflow metric keys and prints the table users read. */
public final class EvaluationSummary {
    private EvaluationSummary() {
    }

    /**
     * {@code test/<dataset>/<metric>}, {@code test/<dataset>/IoU/<class slug>}, and {@code test/<metric>}
     * as the mean over datasets (equal to the dataset's value when there is one).
     */
    public static Map<String, Double> metricKeys(String prefix, List<DatasetEvaluation.Result> results) {
        Map<String, Double> keys = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (DatasetEvaluation.Result r : results) {
            String ds = MetricKeys.slug(r.datasetId());
            for (MetricValues v : r.metrics().values()) {
                v.summary().forEach((k, x) -> {
                    keys.put(prefix + "/" + ds + "/" + k, x);
                    double[] s = sums.computeIfAbsent(k, kk -> new double[2]);
                    if (!Double.isNaN(x)) {
                        s[0] += x;
                        s[1] += 1;
                    }
                });
                v.perClass().forEach((series, values) -> {
                    for (int c = 0; c < values.length; c++) {
                        if (!Double.isNaN(values[c])) {
                            keys.put(prefix + "/" + ds + "/" + series + "/" + MetricKeys.slug(v.classNames().get(c)), values[c]);
                        }
                    }
                });
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(prefix + "/" + k, s[1] == 0 ? Double.NaN : s[0] / s[1]));
        out.putAll(keys);
        return out;
    }

    public static String table(List<DatasetEvaluation.Result> results) {
        StringBuilder sb = new StringBuilder();
        for (DatasetEvaluation.Result r : results) {
            for (Map.Entry<String, MetricValues> m : r.metrics().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%s/%s (%d images, %.1f s)%n", r.datasetId(), r.split(), r.images(), r.seconds()));
                m.getValue().summary().forEach((k, x) -> sb.append(String.format(Locale.ROOT, "  %-6s %7.2f%n", k, x)));
                double[] iou = m.getValue().perClass().get("IoU");
                if (iou != null) {
                    sb.append("  per-class IoU:\n");
                    for (int c = 0; c < iou.length; c++) {
                        sb.append(String.format(Locale.ROOT, "    %-24s %s%n", m.getValue().classNames().get(c),
                                Double.isNaN(iou[c]) ? "    n/a" : String.format(Locale.ROOT, "%7.2f", iou[c])));
                    }
                }
            }
        }
        return sb.toString();
    }
}
