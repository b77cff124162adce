package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.data.ClassVocabulary;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialScene;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The on-disk {@code synthetic-aerial} dataset: OVRSISBench layout
 * ({@code <root>/<split>/imgs/<split>_00000.png}, {@code <root>/<split>/D2masks/<split>_00000.png},
 * {@code <root>/classes.json}, {@code <root>/dataset.json}), generated once into a temporary
 * sibling folder and renamed into place, so an interrupted generation leaves no partial dataset.
 */
public final class SyntheticAerialDataset {
    public static final String NAME = "synthetic-aerial";
    public static final List<String> SPLITS = List.of("train", "val", "test");
    static final String MANIFEST = "dataset.json";
    static final String CLASSES = "classes.json";

    private SyntheticAerialDataset() {
    }

    /** Image count per split (all three, zeros included). */
    static Map<String, Integer> splitCounts(SyntheticAerialDatasetReaderConfig config) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("train", config.trainImages());
        counts.put("val", config.valImages());
        counts.put("test", config.testImages());
        return counts;
    }

    /**
     * Makes sure {@code root} holds the dataset {@code config} describes: generates it when absent,
     * reuses it when its manifest matches, and fails with {@code OVRSIS-DATA-MISMATCH} when it was
     * generated with other parameters (it is never overwritten).
     *
     * @return the manifest of the folder
     */
    public static SyntheticAerialManifest ensure(Path root, SyntheticAerialDatasetReaderConfig config, String keyPath,
                                                 BiFunction<String, Long, ProgressReporter> progress) throws IOException {
        if (!Files.exists(root)) {
            Path parent = root.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = parent.resolve("." + root.getFileName() + ".tmp-" + UUID.randomUUID());
            try {
                Files.createDirectory(temp);
                generate(temp, config, progress);
                Files.move(temp, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another process finished first: fall through and check its manifest
            } finally {
                deleteTree(temp);
            }
        }
        return verify(root, config, keyPath);
    }

    /** The folders of the non-empty splits of a generated dataset. */
    public static Map<String, List<SplitFolders>> layout(Path root, SyntheticAerialManifest manifest) {
        Map<String, List<SplitFolders>> splits = new LinkedHashMap<>();
        for (String split : SPLITS) {
            if (manifest.images().getOrDefault(split, 0) > 0) {
                splits.put(split, List.of(new SplitFolders(root.resolve(split).resolve("imgs"),
                        root.resolve(split).resolve("D2masks"))));
            }
        }
        return splits;
    }

    /** Opens a verified folder through the generic OVRSISBench reader. */
    public static IndexPngDataset open(Path root, SyntheticAerialManifest manifest, String keyPath) throws IOException {
        Path classesFile = root.resolve(CLASSES);
        ClassVocabulary classes = ClassNamesFile.read(classesFile, keyPath);
        Map<String, List<SplitFolders>> splits = layout(root, manifest);
        IndexPngDataset.requireFolders(NAME, splits, keyPath, "Delete " + root + " to have it generated again.");
        return new IndexPngDataset(NAME, root, classes, classesFile.toString(), splits, ".png", keyPath);
    }

    /** The file name (without extension) of image {@code index} of {@code split}. */
    static String sampleName(String split, int index) {
        return String.format(java.util.Locale.ROOT, "%s_%05d", split, index);
    }

    /** The scene seed of image {@code index} of split number {@code splitNumber}, independent of the counts. */
    static long sceneSeed(long seed, int splitNumber, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + (splitNumber + 1) * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** Writes every split, {@code classes.json} and finally {@code dataset.json} into an empty folder. */
    static SyntheticAerialManifest generate(Path dir, SyntheticAerialDatasetReaderConfig config,
                                            BiFunction<String, Long, ProgressReporter> progress) throws IOException {
        Map<String, Integer> counts = splitCounts(config);
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        int[][] palette = new int[256][];
        for (int v = 0; v < 256; v++) {
            palette[v] = AerialClasses.colour(v);
        }
        int n = AerialClasses.NAMES.size();
        int size = config.imageSize();
        Map<String, long[]> classPixels = new LinkedHashMap<>();
        Map<String, Long> ignorePixels = new LinkedHashMap<>();
        try (ProgressReporter bar = progress.apply("generating " + NAME + " (" + total + " images)", total)) {
            for (int s = 0; s < SPLITS.size(); s++) {
                String split = SPLITS.get(s);
                long[] pixels = new long[n];
                long ignored = 0;
                if (counts.get(split) > 0) {
                    Path images = Files.createDirectories(dir.resolve(split).resolve("imgs"));
                    Path labels = Files.createDirectories(dir.resolve(split).resolve("D2masks"));
                    for (int i = 0; i < counts.get(split); i++) {
                        AerialScene scene = AerialSceneGenerator.generate(sceneSeed(config.seed(), s, i), size);
                        String file = sampleName(split, i) + ".png";
                        PngFiles.writeRgb(images.resolve(file), size, size, scene.rgb());
                        PngFiles.writeIndexed(labels.resolve(file), size, size, scene.labels(), palette);
                        for (int v : scene.labels()) {
                            if (v == AerialClasses.IGNORE) {
                                ignored++;
                            } else {
                                pixels[v]++;
                            }
                        }
                        bar.step();
                    }
                }
                classPixels.put(split, pixels);
                ignorePixels.put(split, ignored);
            }
        }
        ClassNamesFile.write(dir.resolve(CLASSES), AerialClasses.NAMES);
        SyntheticAerialManifest manifest = new SyntheticAerialManifest(NAME, AerialSceneGenerator.VERSION, config.seed(),
                size, counts, AerialClasses.NAMES, AerialClasses.IGNORE, classPixels, ignorePixels);
        Files.writeString(dir.resolve(MANIFEST), ClassNamesFile.JSON.writeValueAsString(manifest) + "\n");
        return manifest;
    }

    private static SyntheticAerialManifest verify(Path root, SyntheticAerialDatasetReaderConfig config, String keyPath)
            throws IOException {
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ComponentException("OVRSIS-DATA-MISMATCH", keyPath, root + " exists but has no " + MANIFEST
                    + ", so it is not a " + NAME + " dataset generated by this plugin. Delete or move it, or set root to"
                    + " another folder, and it will be generated there.");
        }
        SyntheticAerialManifest manifest;
        try {
            manifest = ClassNamesFile.JSON.readValue(file.toFile(), SyntheticAerialManifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ComponentException("OVRSIS-DATA-MISMATCH", keyPath, file + " is not a " + NAME + " manifest ("
                    + e.getOriginalMessage() + "). Delete " + root + " to have it generated again.");
        }
        if (!manifest.matches(AerialSceneGenerator.VERSION, config)) {
            throw new ComponentException("OVRSIS-DATA-MISMATCH", keyPath, root + " was generated with "
                    + manifest.describe() + ", but this config asks for generator version " + AerialSceneGenerator.VERSION
                    + ", seed " + config.seed() + ", imageSize " + config.imageSize() + ", images " + splitCounts(config)
                    + ". It is not overwritten: delete it to regenerate, or set root to another folder"
                    + " (e.g. datasets/" + NAME + "-seed" + config.seed() + ").");
        }
        return manifest;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
