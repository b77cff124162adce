package io.ovrsis.runtime.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's memory as the operating system and the JVM see it: resident set size and its peak
 * from {@code /proc/self/status} (Linux; -1 elsewhere), which include PyTorch's native allocations,
 * and the Java heap in use.
 *
 * @param rssKiB resident set size now ({@code VmRSS}), KiB, or -1
 * @param peakRssKiB peak resident set size ({@code VmHWM}), KiB, or -1
 * @param heapUsedBytes Java heap in use (after no forced GC)
 */
public record ProcessMemory(long rssKiB, long peakRssKiB, long heapUsedBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Reads the current values. */
    public static ProcessMemory now() {
        long rss = -1;
        long peak = -1;
        try {
            List<String> lines = Files.readAllLines(STATUS);
            rss = field(lines, "VmRSS:");
            peak = field(lines, "VmHWM:");
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: report unknown
        }
        Runtime rt = Runtime.getRuntime();
        return new ProcessMemory(rss, peak, rt.totalMemory() - rt.freeMemory());
    }

    /** The value in kB of a {@code /proc/self/status} line such as {@code VmRSS:   123456 kB}. */
    static long field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }

    /** Resident set size in MiB (or -1). */
    public double rssMiB() {
        return rssKiB < 0 ? -1 : rssKiB / 1024.0;
    }

    public double peakRssMiB() {
        return peakRssKiB < 0 ? -1 : peakRssKiB / 1024.0;
    }

    public double heapMiB() {
        return heapUsedBytes / (1024.0 * 1024.0);
    }
}
