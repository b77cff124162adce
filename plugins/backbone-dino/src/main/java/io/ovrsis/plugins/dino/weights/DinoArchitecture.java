package io.ovrsis.plugins.dino.weights;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a DINO ViT's architecture from a checkpoint's tensor shapes, to say what a file that does not fit looks like. */
final class DinoArchitecture {
    private static final Pattern BLOCK = Pattern.compile("^blocks\\.(\\d+)\\.");

    private DinoArchitecture() {
    }

    /** @param t the checkpoint's tensors under the tower's names (prefixes removed, head dropped) */
    static String describe(Map<String, NDArray> t) {
        NDArray conv = t.get("patch_embed.proj.weight");
        NDArray pos = t.get("pos_embed");
        if (conv == null || pos == null || conv.getShape().dimension() != 4 || pos.getShape().dimension() != 3) {
            return "no DINO ViT backbone (it lacks a 4-d patch_embed.proj.weight or a 3-d pos_embed); its keys begin "
                    + prefixes(t);
        }
        long width = conv.getShape().get(0);
        long patch = conv.getShape().get(3);
        long rows = pos.getShape().get(1);
        long grid = Math.round(Math.sqrt(rows - 1));
        String gridText = grid * grid + 1 == rows ? grid + " (" + grid * patch + " px)" : "? (" + rows + " rows)";
        int layers = layers(t);
        NDArray fc1 = t.get("blocks.0.mlp.fc1.weight");
        String mlp = fc1 == null || fc1.getShape().dimension() != 2 ? "" : ", MLP " + fc1.getShape().get(0);
        String heads = width % 64 == 0 ? ", heads " + width / 64 + " if DINO's width / 64" : "";
        return known(width, layers, patch, grid) + ": width " + width + ", layers " + layers + heads + ", patchSize "
                + patch + ", pretrainedGrid " + gridText + mlp;
    }

    private static String known(long width, int layers, long patch, long grid) {
        if (layers != 12) {
            return "a DINO ViT without a preset (dino-vit)";
        }
        String size = width == 768 ? "B" : width == 384 ? "S" : width == 192 ? "Ti" : null;
        if (size == null || !(patch == 8 && grid == 28 || patch == 16 && grid == 14)) {
            return "a DINO ViT without a preset (dino-vit)";
        }
        String name = "a DINO ViT-" + size + "/" + patch;
        return size.equals("B") && patch == 8 ? name + " (dino-vitb8, RSIB's architecture)" : name + " (no preset; dino-vit)";
    }

    private static int layers(Map<String, NDArray> t) {
        TreeSet<Integer> idx = new TreeSet<>();
        for (String k : t.keySet()) {
            Matcher m = BLOCK.matcher(k);
            if (m.find()) {
                idx.add(Integer.parseInt(m.group(1)));
            }
        }
        return idx.size();
    }

    private static String prefixes(Map<String, NDArray> t) {
        TreeSet<String> p = new TreeSet<>();
        for (String k : t.keySet()) {
            int dot = k.indexOf('.');
            p.add(dot < 0 ? k : k.substring(0, dot + 1) + "*");
        }
        return p.stream().limit(8).toList().toString();
    }
}
