package io.ovrsis.runtime.bench;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.PilResize;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.eval.Predictor;
import io.ovrsis.runtime.features.ProcessMemory;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.train.GradMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Times {@code predict}'s forward on a synthetic square image: the text encoded once, then warm-up
 * passes, then timed passes through {@link Predictor#inspect} with every stage observed. Nothing is
 * re-implemented: the stages are the model's own.
 */
public final class InferenceBenchmark {
    private InferenceBenchmark() {
    }

    /**
     * @param imageSize side of the square test image (before the experiment's shortest-edge resize)
     * @param classes number of class names T
     */
    public record Settings(int imageSize, int classes, int warmup, int repeats) {
    }

    /**
     * One timed pass: milliseconds per stage (in running order) and in total, the resident set (MiB)
     * right after each stage, and the memory after the pass (its intermediates released).
     */
    public record Repeat(Map<String, Double> stageMs, Map<String, Double> rssAfterStageMiB, double totalMs,
                         double cpuMs, ProcessMemory memory) {
    }

    /** CPU time of the whole process so far (all threads, PyTorch's included), ms; -1 if unknown. */
    static double processCpuMs() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long ns = sun.getProcessCpuTime();
            return ns < 0 ? -1 : ns / 1e6;
        }
        return -1;
    }

    /**
     * @param inputHeight the padded input's height (after the shortest-edge resize)
     * @param inputWidth the padded input's width
     */
    public record Result(Settings settings, int inputHeight, int inputWidth, double textMs, List<Repeat> repeats,
                         boolean gradModeAfter, ProcessMemory before) {
    }

    public static Result run(OpenVocabSegmentor model, Predictor predictor, InferenceSettings inference, Settings s,
                             NDManager manager, Consumer<String> progress) {
        GradMode.off();
        ProcessMemory before = ProcessMemory.now();
        RgbImage image = syntheticImage(s.imageSize(), 17);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= s.classes(); i++) {
            names.add("class " + i);
        }
        try (NDManager textManager = manager.newSubManager()) {
            long t0 = System.nanoTime();
            TextEmbeddings text = model.encodeText(names, textManager, false);
            double textMs = (System.nanoTime() - t0) / 1e6;
            progress.accept(String.format(java.util.Locale.ROOT, "text: %d classes encoded in %.1f ms", s.classes(), textMs));
            for (int i = 0; i < s.warmup(); i++) {
                long w0 = System.nanoTime();
                predictor.inspect(image, text, Predictor.Keep.NOTHING, new StageTimes());
                progress.accept(String.format(java.util.Locale.ROOT, "warm-up %d/%d: %.1f ms", i + 1, s.warmup(),
                        (System.nanoTime() - w0) / 1e6));
            }
            List<Repeat> repeats = new ArrayList<>();
            for (int i = 0; i < s.repeats(); i++) {
                StageTimes times = new StageTimes();
                double cpu0 = processCpuMs();
                long r0 = System.nanoTime();
                predictor.inspect(image, text, Predictor.Keep.NOTHING, times);
                double total = (System.nanoTime() - r0) / 1e6;
                double cpu = cpu0 < 0 ? -1 : processCpuMs() - cpu0;
                Map<String, Double> ms = new LinkedHashMap<>();
                times.nanos().forEach((k, v) -> ms.put(k, v / 1e6));
                Map<String, Double> rss = new LinkedHashMap<>();
                times.rssKiB().forEach((k, v) -> rss.put(k, v < 0 ? -1 : v / 1024.0));
                Repeat r = new Repeat(ms, rss, total, cpu, ProcessMemory.now());
                repeats.add(r);
                progress.accept(String.format(java.util.Locale.ROOT, "repeat %d/%d: %.1f ms (process CPU %.1f ms),"
                        + " RSS %.0f MiB", i + 1, s.repeats(), total, cpu, r.memory().rssMiB()));
            }
            int[] resized = inference.shortestEdge() > 0
                    ? PilResize.shortestEdgeSize(s.imageSize(), s.imageSize(), inference.shortestEdge(), inference.maxSize())
                    : new int[] {s.imageSize(), s.imageSize()};
            return new Result(s, ImageTensors.padTo(resized[0], inference.sizeDivisibility()),
                    ImageTensors.padTo(resized[1], inference.sizeDivisibility()), textMs, repeats, GradMode.enabled(), before);
        }
    }

    /** A seeded texture (smooth gradients plus noise): content does not change the cost of a pass. */
    static RgbImage syntheticImage(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                rgb[i] = (byte) ((x * 255 / Math.max(1, size - 1) + r.nextInt(32)) & 0xff);
                rgb[i + 1] = (byte) ((y * 255 / Math.max(1, size - 1) + r.nextInt(32)) & 0xff);
                rgb[i + 2] = (byte) r.nextInt(256);
            }
        }
        return new RgbImage(size, size, rgb, null);
    }
}
