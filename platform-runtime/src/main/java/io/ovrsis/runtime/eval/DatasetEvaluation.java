package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import io.ovrsis.api.eval.Metric;
import io.ovrsis.api.eval.MetricValues;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.viz.Overlay;
import io.ovrsis.runtime.viz.Png;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Scores one dataset split: the dataset's own class names are the vocabulary (encoded once), every
 * image goes through {@link Predictor}, metrics accumulate over the split, and the first few images
 * become overlay pictures.
 */
public final class DatasetEvaluation {
    private DatasetEvaluation() {
    }

    /** The outcome for one dataset split. */
    public record Result(String datasetId, String split, int images, Map<String, MetricValues> metrics,
                         Map<String, byte[]> overlays, double seconds) {
    }

    public static Result run(OpenVocabSegmentor model, DatasetReader reader, String split, Map<String, Metric> metrics,
                             Predictor predictor, int overlays, NDManager manager,
                             BiFunction<String, Long, ProgressReporter> progress) throws IOException {
        long start = System.nanoTime();
        DatasetInfo info = reader.info();
        List<SampleRef> refs = reader.index(split);
        metrics.values().forEach(m -> m.reset(info.classes(), info.ignoreIndex()));
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        try (NDManager textManager = manager.newSubManager()) {
            TextEmbeddings text = model.encodeText(info.classes().names(), textManager, false);
            try (ProgressReporter bar = progress.apply("eval " + info.id() + "/" + split, (long) refs.size())) {
                for (SampleRef ref : refs) {
                    Sample s = reader.read(ref);
                    if (s.label() == null) {
                        throw new IOException(ref.image() + " has no label file; evaluation needs labels");
                    }
                    Predictor.Prediction p = predictor.predict(RgbImage.of(s), text, false);
                    for (Metric m : metrics.values()) {
                        m.update(p.labels(), s.label(), s.height(), s.width());
                    }
                    if (pictures.size() < overlays) {
                        pictures.put(s.id(), Png.encode(Overlay.panel(s.height(), s.width(), s.rgb(), s.label(), p.labels(),
                                info.classes().names(), info.ignoreIndex())));
                    }
                    bar.step();
                }
            }
        }
        Map<String, MetricValues> values = new LinkedHashMap<>();
        metrics.forEach((id, m) -> values.put(id, m.compute()));
        return new Result(info.id(), split, refs.size(), values, pictures, (System.nanoTime() - start) / 1e9);
    }

    /** Per-class table as CSV: class, then one column per per-class series. */
    public static String perClassCsv(MetricValues v) {
        StringBuilder sb = new StringBuilder("class");
        List<String> series = new ArrayList<>(v.perClass().keySet());
        series.forEach(s -> sb.append(',').append(s));
        sb.append('\n');
        for (int c = 0; c < v.classNames().size(); c++) {
            sb.append(csv(v.classNames().get(c)));
            for (String s : series) {
                double x = v.perClass().get(s)[c];
                sb.append(',').append(Double.isNaN(x) ? "" : String.format(java.util.Locale.ROOT, "%.4f", x));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The confusion matrix as CSV (rows prediction, columns ground truth, as detectron2). */
    public static String confusionCsv(MetricValues v) {
        if (v.confusion() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("prediction\\truth");
        v.classNames().forEach(n -> sb.append(',').append(csv(n)));
        sb.append('\n');
        for (int r = 0; r < v.classNames().size(); r++) {
            sb.append(csv(v.classNames().get(r)));
            for (int c = 0; c < v.classNames().size(); c++) {
                sb.append(',').append(v.confusion()[r][c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
