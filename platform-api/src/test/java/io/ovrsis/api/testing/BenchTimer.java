package io.ovrsis.api.testing;

import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timing for the opt-in benchmarks: cases run interleaved (round after round, so that a change in
 * machine load hits all of them alike), each run in its own {@link NDScope} as the runtime's
 * predictor does, after warm-up rounds; median and minimum of wall and process CPU time.
 */
public final class BenchTimer {
    private BenchTimer() {
    }

    /** Times in ms over the measured rounds of one case. */
    public record Result(String name, double wallMedian, double wallMin, double cpuMedian, double cpuMin) {
        @Override
        public String toString() {
            return String.format("%-48s wall median %7.1f ms (min %7.1f) | cpu median %7.1f ms (min %7.1f)", name,
                    wallMedian, wallMin, cpuMedian, cpuMin);
        }
    }

    public static List<Result> interleaved(int warmup, int runs, Map<String, Runnable> cases) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Runnable> bodies = new ArrayList<>(cases.values());
        double[][] wall = new double[bodies.size()][runs];
        double[][] cpu = new double[bodies.size()][runs];
        for (int round = -warmup; round < runs; round++) {
            for (int i = 0; i < bodies.size(); i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    bodies.get(i).run();
                }
                if (round >= 0) {
                    wall[i][round] = (System.nanoTime() - t0) / 1e6;
                    cpu[i][round] = (os.getProcessCpuTime() - c0) / 1e6;
                }
            }
        }
        List<Result> out = new ArrayList<>();
        List<String> names = new ArrayList<>(cases.keySet());
        for (int i = 0; i < bodies.size(); i++) {
            Arrays.sort(wall[i]);
            Arrays.sort(cpu[i]);
            out.add(new Result(names.get(i), wall[i][runs / 2], wall[i][0], cpu[i][runs / 2], cpu[i][0]));
        }
        return out;
    }

    public static Map<String, Runnable> cases() {
        return new LinkedHashMap<>();
    }

    /** Threads, grad mode, cores, OpenMP wait policy and load average: what the numbers depend on. */
    public static String environment() {
        return "intra-op threads " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads()
                + ", grad mode " + (JniUtils.isGradMode() ? "on" : "off") + ", cores "
                + Runtime.getRuntime().availableProcessors() + ", OMP_WAIT_POLICY "
                + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)") + ", load average " + loadAverage();
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
