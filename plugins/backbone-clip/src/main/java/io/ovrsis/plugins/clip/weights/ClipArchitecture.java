package io.ovrsis.plugins.clip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.weights.StateDict;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CLIP checkpoint's architecture from its tensor shapes, as OpenAI's {@code build_model}
 * does (heads = width / 64), to say what a file that does not fit looks like.
 */
final class ClipArchitecture {
    private static final Pattern BLOCK = Pattern.compile("^(visual\\.)?transformer\\.resblocks\\.(\\d+)\\.");

    private ClipArchitecture() {
    }

    static String describe(StateDict dict, ClipWeightLoader.Tower tower) {
        Map<String, NDArray> t = dict.tensors();
        return tower == ClipWeightLoader.Tower.TEXT ? describeText(t) : describeImage(t);
    }

    private static String describeImage(Map<String, NDArray> t) {
        NDArray conv = t.get("visual.conv1.weight");
        NDArray pos = t.get("visual.positional_embedding");
        NDArray proj = t.get("visual.proj");
        if (conv == null || pos == null || proj == null || conv.getShape().dimension() != 4) {
            return "no CLIP ViT image tower (it lacks visual.conv1.weight, visual.positional_embedding or"
                    + " visual.proj); its keys begin " + prefixes(t) + prefixHint(t, "visual.", "conv1.weight",
                    "the image tower's");
        }
        long width = conv.getShape().get(0);
        long patch = conv.getShape().get(3);
        long grid = Math.round(Math.sqrt(pos.getShape().get(0) - 1));
        long out = proj.getShape().get(1);
        int layers = layers(t, true);
        String name = knownImage(width, patch, grid, layers, out);
        return name + ": width " + width + ", layers " + layers + heads(width) + ", patchSize " + patch
                + ", pretrainedGrid " + grid + " (" + grid * patch + " px), outputDim " + out;
    }

    private static String describeText(Map<String, NDArray> t) {
        NDArray tok = t.get("token_embedding.weight");
        NDArray pos = t.get("positional_embedding");
        NDArray proj = t.get("text_projection");
        if (tok == null || pos == null || proj == null) {
            return "no CLIP text tower (it lacks token_embedding.weight, positional_embedding or"
                    + " text_projection); its keys begin " + prefixes(t) + prefixHint(t, "", "token_embedding.weight",
                    "the text tower's");
        }
        Shape s = tok.getShape();
        long width = s.get(1);
        long out = proj.getShape().get(1);
        int layers = layers(t, false);
        String name = width == 512 && layers == 12 && out == 512 ? "the text tower of CLIP ViT-B/16 or ViT-B/32"
                + " (clip-text-b16, clip-text-b32, remoteclip-text-b32)"
                : width == 768 && layers == 12 && out == 768 ? "the text tower of CLIP ViT-L/14 (clip-text-l14-336)"
                : "a CLIP text tower without a preset (clip-text)";
        return name + ": width " + width + ", layers " + layers + heads(width) + ", outputDim " + out
                + ", contextLength " + pos.getShape().get(0) + ", vocabSize " + s.get(0);
    }

    /**
     * When the tower's keys are in the file under another prefix than OpenAI's ({@code model.visual.}
     * for {@code visual.}, or none at all), says so: the tower's tell-tale key ({@code conv1.weight})
     * is looked for at the end of every key. Empty when it is not found.
     */
    static String prefixHint(Map<String, NDArray> t, String expected, String leaf, String what) {
        String found = null;
        for (String k : new TreeSet<>(t.keySet())) {
            if (k.endsWith(leaf) && !k.equals(expected + leaf) && (k.length() == leaf.length()
                    || k.charAt(k.length() - leaf.length() - 1) == '.')) {
                found = k;
                break;
            }
        }
        if (found == null) {
            return "";
        }
        String prefix = found.substring(0, found.length() - leaf.length());
        return ". " + Character.toUpperCase(what.charAt(0)) + what.substring(1) + " keys are "
                + (prefix.isEmpty() ? "at the top level" : "under \"" + prefix + "\"") + " (e.g. " + found
                + "), where OpenAI's layout has them " + (expected.isEmpty() ? "at the top level" : "under \""
                + expected + "\"") + ": save the CLIP model's state dict itself, or rename the keys";
    }

    /** OpenAI's checkpoints imply heads = width / 64. */
    private static String heads(long width) {
        return width % 64 == 0 ? ", heads " + width / 64 : "";
    }

    private static String knownImage(long width, long patch, long grid, int layers, long out) {
        if (width == 768 && layers == 12 && out == 512 && patch == 16 && grid == 14) {
            return "a CLIP ViT-B/16 image tower (clip-vit-b16)";
        }
        if (width == 768 && layers == 12 && out == 512 && patch == 32 && grid == 7) {
            return "a CLIP ViT-B/32 image tower (clip-vit-b32, remoteclip-vit-b32)";
        }
        if (width == 1024 && layers == 24 && out == 768 && patch == 14 && grid == 24) {
            return "a CLIP ViT-L/14@336px image tower (clip-vit-l14-336)";
        }
        if (width == 1024 && layers == 24 && out == 768 && patch == 14 && grid == 16) {
            return "a CLIP ViT-L/14 (224 px) image tower (no preset; clip-vit)";
        }
        return "a CLIP ViT image tower without a preset (clip-vit)";
    }

    private static int layers(Map<String, NDArray> t, boolean visual) {
        TreeSet<Integer> idx = new TreeSet<>();
        for (String k : t.keySet()) {
            Matcher m = BLOCK.matcher(k);
            if (m.find() && (m.group(1) != null) == visual) {
                idx.add(Integer.parseInt(m.group(2)));
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
