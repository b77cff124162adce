package io.ovrsis.plugins.ovrsisbench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight OVRSISBench datasets as the RSKT-Seg code expects them (method.md §7): folders below
 * the datasets root, image extension, splits, class-name file and built-in class list (verbatim
 * from the authors' {@code datasets/<Name>.json}, label-index order).
 */
public enum OvrsisBenchDataset {
    DLRSD("dlrsd", "DLRSD", "DLRSD", "DLRSD_split", ".jpg", List.of(
            "airplane", "bare soil", "buildings", "cars", "chaparral", "court", "dock", "field", "grass",
            "mobile home", "pavement", "sand", "sea", "ship", "tanks", "trees", "water"),
            List.of(Split.underSplitRoot("train", "train/imgs", "train/D2masks"),
                    Split.underSplitRoot("val", "val/imgs", "val/D2masks"),
                    Split.underRoot("all", "imgs", "D2masks"))),
    ISAID("isaid", "iSAID", "iSAID", "iSAID_split", ".png", List.of(
            "ship", "storage tank", "baseball diamond", "tennis court", "basketball court", "ground track field",
            "bridge", "large vehicle", "small vehicle", "helicopter", "swimming pool", "roundabout",
            "soccer ball field", "plane", "harbor"),
            List.of(Split.underSplitRoot("train", "train/imgs", "train/D2masks"),
                    Split.underSplitRoot("val", "val/imgs", "val/D2masks"),
                    Split.underRoot("all", "imgs", "D2masks"))),
    POTSDAM("potsdam", "Potsdam", "Potsdam", null, ".png", List.of(
            "Impervious surfaces", "Building", "Low vegetation", "Tree", "Car", "Clutter/background"),
            List.of(Split.underRoot("all", "imgs", "D2masks"))),
    VAIHINGEN("vaihingen", "Vaihingen", "Vaihingen", null, ".png", List.of(
            "Impervious surfaces", "Building", "Low vegetation", "Tree", "Car", "Clutter/background"),
            List.of(Split.underRoot("all", "imgs", "D2masks"))),
    LOVEDA("loveda", "LoveDA", "LoveDA", null, ".png", List.of(
            "no-data", "Background", "Building", "Road", "Water", "Barren", "Forest", "Agriculture"),
            List.of(Split.underRoot("all", "images_png", "masks_png"))),
    UAVID("uavid", "uavid", "uavid", null, ".png", List.of(
            "Background clutter", "Building", "Road", "Tree", "Low vegetation", "Moving car", "Static car", "Human"),
            List.of(Split.underRoot("all", "Images", "Labels"))),
    UDD5("udd5", "UDD5", "UDD5", null, ".JPG", List.of(
            "Vegetation", "Building", "Road", "Vehicle", "Other"),
            List.of(Split.underRoot("all", "all/src", "all/gt"))),
    VDD("vdd", "VDD", "VDD", null, ".JPG", List.of(
            "Other", "Wall", "Road", "Vegetation", "Vehicle", "Roof", "Water"),
            List.of(Split.underRoot("all", "src", "gt")));

    /** Where the data comes from, for {@code OVRSIS-DATA-MISSING}. */
    static final String WHERE_TO_GET = "The OVRSISBench data is published pre-converted by the RSKT-Seg authors as"
            + " \"OVRSISBench\" (also spelled \"OVSISBench\"; Baidu Netdisk and OneDrive links in the RSKT-Seg README,"
            + " password USTC). Unpack it into the datasets folder so that the folders above exist";

    /**
     * One split: an image folder and a label folder relative to the dataset folder or to the
     * train/val split folder.
     */
    record Split(String name, boolean inSplitRoot, String images, String labels) {
        static Split underRoot(String name, String images, String labels) {
            return new Split(name, false, images, labels);
        }

        static Split underSplitRoot(String name, String images, String labels) {
            return new Split(name, true, images, labels);
        }
    }

    private final String id;
    private final String classesFileName;
    private final String folder;
    private final String splitFolder;
    private final String imageExtension;
    private final List<String> classes;
    private final List<Split> splits;

    OvrsisBenchDataset(String id, String classesName, String folder, String splitFolder, String imageExtension,
                       List<String> classes, List<Split> splits) {
        this.id = id;
        this.classesFileName = classesName + ".json";
        this.folder = folder;
        this.splitFolder = splitFolder;
        this.imageExtension = imageExtension;
        this.classes = classes;
        this.splits = splits;
    }

    /** Component id ({@code dlrsd}). */
    public String id() {
        return id;
    }

    /** The authors' class-name file name, looked up in the datasets folder ({@code DLRSD.json}). */
    public String classesFileName() {
        return classesFileName;
    }

    /** Dataset folder below the datasets root ({@code DLRSD}). */
    public String folder() {
        return folder;
    }

    /** Folder of the train/val split copies ({@code DLRSD_split}), or null if the dataset has none. */
    public String splitFolder() {
        return splitFolder;
    }

    /** Image file ending as the authors register it (case matters: {@code .JPG}). */
    public String imageExtension() {
        return imageExtension;
    }

    /** Built-in class names, label-index order. */
    public List<String> classes() {
        return classes;
    }

    /** Split names in order. */
    public List<String> splitNames() {
        return splits.stream().map(Split::name).toList();
    }

    /** The folders of every split, resolved against the dataset folder and the split folder. */
    public Map<String, List<SplitFolders>> folders(Path root, Path splitRoot) {
        Map<String, List<SplitFolders>> out = new LinkedHashMap<>();
        for (Split s : splits) {
            Path base = s.inSplitRoot() ? splitRoot : root;
            out.put(s.name(), List.of(new SplitFolders(base.resolve(s.images()), base.resolve(s.labels()))));
        }
        return out;
    }
}
