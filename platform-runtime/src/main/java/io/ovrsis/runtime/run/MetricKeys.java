package io.ovrsis.runtime.run;

import java.util.Locale;

/** MLflow metric keys: {@code {split}/{dataset}/{metric}}; class names slugged (a '/' would nest folders). */
public final class MetricKeys {
    private MetricKeys() {
    }

    /** Lower case; anything outside {@code [a-z0-9.-]} becomes '-'. */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }
}
