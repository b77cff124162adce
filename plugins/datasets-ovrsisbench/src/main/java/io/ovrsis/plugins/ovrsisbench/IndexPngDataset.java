package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.ClassVocabulary;
import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generic OVRSISBench reader every component of this plugin goes through: per split, folders
 * of images and single-channel index-PNG labels paired by base name ({@link FolderPairing}); label
 * values are 0-based class indices, {@value #IGNORE} is ignored, anything else is an error.
 *
 * <p>Immutable after construction apart from the per-split index cache, so safe for several
 * loader threads.
 */
public final class IndexPngDataset {
    /** The label value that is not scored, everywhere in OVRSISBench. */
    public static final int IGNORE = 255;
    /** Label files are PNGs. */
    public static final String LABEL_EXTENSION = ".png";

    private final DatasetInfo info;
    private final String classesSource;
    private final Map<String, List<SplitFolders>> splits;
    private final String imageExtension;
    private final String keyPath;
    private final Map<String, List<SampleRef>> indexes = new ConcurrentHashMap<>();

    /**
     * @param classesSource where the class names came from (a file, or "the built-in list")
     * @param splits folders per split name, in the order the splits are listed
     * @param imageExtension image file-name ending including the dot ({@code .jpg}, {@code .JPG})
     * @param keyPath config key of the reader, for error messages
     */
    public IndexPngDataset(String id, Path root, ClassVocabulary classes, String classesSource,
                           Map<String, List<SplitFolders>> splits, String imageExtension, String keyPath) {
        this.splits = new LinkedHashMap<>(splits);
        this.info = new DatasetInfo(id, classes, IGNORE, new ArrayList<>(splits.keySet()), root);
        this.classesSource = classesSource;
        this.imageExtension = imageExtension;
        this.keyPath = keyPath;
    }

    /**
     * Fails with {@code OVRSIS-DATA-MISSING} unless every folder of every split exists, naming all
     * expected folders and {@code whereToGetIt}.
     */
    public static void requireFolders(String id, Map<String, List<SplitFolders>> splits, String keyPath, String whereToGetIt) {
        StringBuilder expected = new StringBuilder();
        boolean missing = false;
        for (Map.Entry<String, List<SplitFolders>> e : splits.entrySet()) {
            for (SplitFolders f : e.getValue()) {
                for (Path p : List.of(f.images(), f.labels())) {
                    boolean ok = Files.isDirectory(p);
                    missing |= !ok;
                    expected.append("\n  ").append(e.getKey()).append(": ").append(p).append(ok ? "" : "   <- missing");
                }
            }
        }
        if (missing) {
            throw new ComponentException("OVRSIS-DATA-MISSING", keyPath, "Dataset " + id + " is not on disk. Expected folders:"
                    + expected + "\n" + whereToGetIt);
        }
    }

    public DatasetInfo info() {
        return info;
    }

    /** The split's samples sorted by base name (listed once, then cached). */
    public List<SampleRef> index(String split) throws IOException {
        List<SplitFolders> folders = splits.get(split);
        if (folders == null) {
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", keyPath, "Dataset " + info.id() + " has no split \""
                    + split + "\". Valid splits: " + String.join(", ", splits.keySet()) + ".");
        }
        List<SampleRef> cached = indexes.get(split);
        if (cached != null) {
            return cached;
        }
        List<SampleRef> refs = new ArrayList<>();
        for (SplitFolders f : folders) {
            refs.addAll(FolderPairing.pair(f, imageExtension, LABEL_EXTENSION));
        }
        indexes.putIfAbsent(split, List.copyOf(refs));
        return indexes.get(split);
    }

    /** Decodes the image (RGB) and, if the ref has one, its checked label map. */
    public Sample read(SampleRef ref) throws IOException {
        RgbImages.Rgb image = RgbImages.read(ref.image());
        int[] label = null;
        if (ref.label() != null) {
            IndexLabels.LabelMap map = IndexLabels.read(ref.label(), info.classes().size(), IGNORE, classesSource, keyPath);
            if (map.height() != image.height() || map.width() != image.width()) {
                throw new ComponentException("OVRSIS-DATA-INVALID", keyPath, "Label " + ref.label() + " is " + map.width() + "×"
                        + map.height() + " pixels but its image " + ref.image() + " is " + image.width() + "×" + image.height()
                        + " (after EXIF orientation).");
            }
            label = map.values();
        }
        return new Sample(ref.id(), image.height(), image.width(), image.rgb(), label);
    }
}
