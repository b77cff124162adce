package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.SampleRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * detectron2's {@code load_sem_seg(gt_root, image_root, gt_ext, image_ext)}: lists both folders
 * (not recursively), keeps files whose names end with the extension (case-sensitive), and pairs
 * images and labels by base name, sorted by base name.
 *
 * <p>detectron2 zips the two sorted lists when their lengths agree and intersects the base names
 * otherwise; this always intersects, which gives the same pairs whenever the names correspond one
 * to one, and never pairs two different names. Unpaired files are reported as a warning.
 */
public final class FolderPairing {
    private static final Logger LOG = LoggerFactory.getLogger(FolderPairing.class);

    private FolderPairing() {
    }

    public static List<SampleRef> pair(SplitFolders folders, String imageExtension, String labelExtension) throws IOException {
        Map<String, Path> images = list(folders.images(), imageExtension);
        Map<String, Path> labels = list(folders.labels(), labelExtension);
        if (labels.isEmpty()) {
            throw new IOException("No annotations (*" + labelExtension + ") found in " + folders.labels());
        }
        List<SampleRef> refs = new ArrayList<>();
        for (Map.Entry<String, Path> e : images.entrySet()) {
            Path label = labels.get(e.getKey());
            if (label != null) {
                refs.add(new SampleRef(e.getKey(), e.getValue(), label));
            }
        }
        if (refs.isEmpty()) {
            throw new IOException("No image *" + imageExtension + " in " + folders.images() + " has a label *" + labelExtension
                    + " with the same base name in " + folders.labels() + " (" + images.size() + " images, " + labels.size()
                    + " labels). Check the image extension (it is case-sensitive).");
        }
        if (images.size() != refs.size() || labels.size() != refs.size()) {
            LOG.warn("Directory {} and {} has {} and {} files, respectively; using the {} base names they share.",
                    folders.images(), folders.labels(), images.size(), labels.size(), refs.size());
        }
        return refs;
    }

    private static Map<String, Path> list(Path dir, String extension) throws IOException {
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(extension) && Files.isRegularFile(f)) {
                    byName.put(name.substring(0, name.length() - extension.length()), f);
                }
            }
        }
        return byName;
    }
}
