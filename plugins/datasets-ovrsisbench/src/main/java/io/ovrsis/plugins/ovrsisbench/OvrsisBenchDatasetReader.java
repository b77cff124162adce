package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.data.ClassVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One OVRSISBench dataset. {@link #prepare} resolves the folders (checking that they exist) and the
 * class list ({@code classesFile}, else {@code <datasets>/<Name>.json} if present, else the
 * built-in list); then {@link IndexPngDataset} indexes and reads.
 */
public final class OvrsisBenchDatasetReader extends PreparedIndexPngReader {
    static final String BUILT_IN = "the built-in class list (method.md §7)";

    private final OvrsisBenchDataset dataset;
    private final String root;
    private final String splitRoot;
    private final String classesFile;
    private final String imageExtension;

    /**
     * @param root dataset folder or null for the default; likewise {@code splitRoot} (ignored for
     *     datasets without train/val copies) and {@code classesFile}
     */
    public OvrsisBenchDatasetReader(OvrsisBenchDataset dataset, String root, String splitRoot, String classesFile,
                                    String imageExtension, String keyPath) {
        super(dataset.id(), keyPath, "locates the folders and reads the class list");
        this.dataset = dataset;
        this.root = root;
        this.splitRoot = splitRoot;
        this.classesFile = classesFile;
        this.imageExtension = imageExtension;
    }

    @Override
    public synchronized void prepare(PrepareContext context) {
        Path rootDir = root == null ? context.datasetsDir().resolve(dataset.folder()) : context.resolve(root);
        Path splitDir = null;
        if (dataset.splitFolder() != null) {
            splitDir = splitRoot == null ? context.datasetsDir().resolve(dataset.splitFolder()) : context.resolve(splitRoot);
        }
        Map<String, List<SplitFolders>> splits = dataset.folders(rootDir, splitDir);
        IndexPngDataset.requireFolders(dataset.id(), splits, keyPath(), OvrsisBenchDataset.WHERE_TO_GET
                + (dataset.splitFolder() == null ? ", or set root" : ", or set root and splitRoot") + " to where they are.");
        try {
            Path file = classesFile == null ? context.datasetsDir().resolve(dataset.classesFileName()) : context.resolve(classesFile);
            ClassVocabulary classes;
            String source;
            if (Files.isRegularFile(file)) {
                classes = ClassNamesFile.read(file, keyPath());
                source = file.toString();
            } else if (classesFile != null) {
                throw new ComponentException("OVRSIS-DATA-MISSING", keyPath(), "classesFile " + file + " does not exist."
                        + " Give a JSON list of class names, or leave classesFile unset to use <datasets>/"
                        + dataset.classesFileName() + " or the built-in list.");
            } else {
                classes = new ClassVocabulary(dataset.classes());
                source = BUILT_IN;
            }
            open(new IndexPngDataset(dataset.id(), rootDir, classes, source, splits, imageExtension, keyPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class list of " + dataset.id(), e);
        }
    }
}
