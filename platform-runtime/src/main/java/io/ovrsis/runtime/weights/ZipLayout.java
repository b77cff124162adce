package io.ovrsis.runtime.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a PyTorch zip keeps its parts: every entry sits under one arbitrary folder
 * ({@code <prefix>/data.pkl}, {@code <prefix>/data/0}, ...); TorchScript archives also have
 * {@code <prefix>/code/} and {@code <prefix>/constants.pkl}.
 *
 * @param prefix the folder including its trailing slash (may be empty)
 * @param torchScript whether this is a TorchScript archive rather than a {@code torch.save} file
 */
record ZipLayout(String prefix, boolean torchScript) {

    /** The {@code data.pkl} entry name. */
    String dataPickle() {
        return prefix + "data.pkl";
    }

    /** The entry name of a storage. */
    String storage(String key) {
        return prefix + "data/" + key;
    }

    /** Finds the layout of an open zip, or fails saying what the zip holds instead. */
    static ZipLayout of(Path file, ZipFile zip) {
        String best = null;
        boolean oldTorchScript = false;
        boolean numpy = false;
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (names.size() < 8) {
                names.add(name);
            }
            if ((name.equals("data.pkl") || name.endsWith("/data.pkl"))
                    && (best == null || depth(name) < depth(best))) {
                best = name;
            }
            oldTorchScript |= name.equals("model.json") || name.endsWith("/model.json");
            numpy |= name.endsWith(".npy");
        }
        if (best == null) {
            String what = oldTorchScript
                    ? "a TorchScript archive in the pre-1.4 format (model.json), which is not supported:"
                            + " load it with PyTorch and save it again"
                    : numpy ? "a NumPy .npz archive, not a PyTorch checkpoint"
                    : names.isEmpty() ? "an empty zip archive, not a PyTorch checkpoint"
                    : "a zip archive without the data.pkl of a PyTorch checkpoint (entries: "
                            + String.join(", ", names) + (zip.size() > names.size() ? ", ..." : "") + ")";
            throw WeightsErrors.format(file, what);
        }
        String prefix = best.substring(0, best.length() - "data.pkl".length());
        boolean torchScript = zip.getEntry(prefix + "constants.pkl") != null;
        if (!torchScript) {
            Enumeration<? extends ZipEntry> again = zip.entries();
            while (again.hasMoreElements() && !torchScript) {
                torchScript = again.nextElement().getName().startsWith(prefix + "code/");
            }
        }
        return new ZipLayout(prefix, torchScript);
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }
}
