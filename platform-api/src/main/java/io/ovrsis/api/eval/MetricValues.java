package io.ovrsis.api.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of a metric over one dataset.
 *
 * @param summary scalar results by name ({@code mIoU}, {@code mACC}, ...), percentages
 * @param perClass per-class series by name ({@code IoU}, {@code ACC}); NaN where undefined
 * @param classNames names matching the per-class arrays
 * @param confusion the matrix behind the numbers (rows prediction, columns ground truth), or null
 */
public record MetricValues(Map<String, Double> summary, Map<String, double[]> perClass,
                           List<String> classNames, long[][] confusion) {
    public MetricValues {
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        perClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
        classNames = List.copyOf(classNames);
    }
}
