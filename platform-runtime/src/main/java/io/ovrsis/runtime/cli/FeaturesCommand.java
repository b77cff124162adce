package io.ovrsis.runtime.cli;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.Slot;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.runtime.checkpoint.AtomicFiles;
import io.ovrsis.runtime.config.BoundComponent;
import io.ovrsis.runtime.config.CommandLineComponent;
import io.ovrsis.runtime.config.CommandLineComponent.Setting;
import io.ovrsis.runtime.data.ImageFiles;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.PilResize;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.features.FeatureArray;
import io.ovrsis.runtime.features.ImageFeatures;
import io.ovrsis.runtime.features.NpyFiles;
import io.ovrsis.runtime.features.ProcessMemory;
import io.ovrsis.runtime.features.TextFeatures;
import io.ovrsis.runtime.inject.PluginCalls;
import io.ovrsis.runtime.plugin.ComponentCatalog;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.run.Preparation;
import io.ovrsis.runtime.run.RuntimeEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis features}: one encoder on one image, feature maps and text embeddings as .npy files. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run one image encoder (any ImageEncoder id: clip-vit-b16, clip-vit-l14-336,",
            "remoteclip-vit-b32, dino-vitb8, ...) with its default config and the given",
            "weights on one image, fed as the authors' test path feeds it: RGB (a JPEG",
            "turned by its EXIF orientation), short side resized to 640 (PIL bilinear),",
            "normalised with the encoder's mean/std, zero-padded to a multiple of 32,",
            "squashed bilinearly (align_corners false, no antialias) to the input size.",
            "",
            "Writes into DIR every feature map the encoder declares, C x H x W float32:",
            "  dense.npy      CLIP: ln_post(final tokens) @ proj (DINO: final norm)",
            "  block<i>.npy   the output of block i (CLIP: raw residual stream)",
            "With --classes, also the paired text tower (clip-vit-X -> clip-text-X,",
            "remoteclip-vit-b32 -> remoteclip-text-b32) on every class in every template:",
            "  tokens.npy     T x 77 int64 token ids",
            "  text.npy       T x D float32, each row L2-normalised",
            "  prompts.txt    the T prompts, one a line",
            "where T = classes x templates, class-major: row c*P + p is class c in",
            "template p (T = classes for 'single'). Templates are not averaged.",
            "",
            "--repeat N runs the forward N times and prints each one's time, the",
            "process's resident memory (VmRSS, including PyTorch's native memory), the",
            "Java heap and the live NDArrays, so that growing memory shows.",
            "",
            "Example:",
            "  ovrsis features --encoder clip-vit-b16 --weights pretrain/ViT-B-16.pt \\",
            "      --image tile.png --out out/tile --classes \"building,road,tree\"",
            ""},
        footer = {"", "Relative paths are relative to the current folder, except those starting",
            "with pretrain/, which mean the project's pretrain folder. A mistake in the",
            "input (a weight file that is missing, truncated, not a checkpoint, of another",
            "architecture or key layout; an unknown encoder; a bad option) is one message",
            "and exit code 2, without a stack trace (--debug shows it)."})
final class FeaturesCommand implements Callable<Integer> {
    private static final String IMAGE_KEY = "encoder";
    private static final String TEXT_KEY = "textEncoder";

    @ParentCommand
    OvrsisCommand root;

    @Option(names = "--encoder", required = true, paramLabel = "ID", description = "Image encoder id (see `ovrsis plugins`).")
    String encoderId;

    @Option(names = "--weights", paramLabel = "FILE", description = "Weight file in its original format (default: the"
            + " encoder's own, e.g. pretrain/ViT-B-16.pt); 'none' for random initialisation. Also used by the text tower.")
    String weights;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image file (PNG, JPEG, BMP).")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--size", paramLabel = "N", description = "Input size of the encoder (its inputSize key; default"
            + " its own, e.g. 384 for clip-vit-b16).")
    Integer size;

    @Option(names = "--classes", paramLabel = "NAMES", split = ",", description = "Comma-separated class names: also"
            + " run the text tower and write tokens.npy, text.npy, prompts.txt.")
    List<String> classes;

    @Option(names = "--template", paramLabel = "SET", description = "Template set of the text tower (its templates"
            + " key): single (default: 'A photo of a {} in the scene'), rs, imagenet_select, imagenet, name.")
    String template;

    @Option(names = "--vocab", paramLabel = "FILE", description = "BPE vocabulary of the text tower (default"
            + " pretrain/bpe_simple_vocab_16e6.txt.gz).")
    String vocab;

    @Option(names = "--text-encoder", paramLabel = "ID", description = "Text encoder id (default: the image id with"
            + " -vit replaced by -text).")
    String textEncoderId;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Forward passes (default 1).")
    int repeat;

    @Option(names = "--shortest-edge", paramLabel = "N", defaultValue = "640", description = "Resize the shorter side"
            + " to N pixels first, long side at most 2560 (default 640, the authors' test setting; 0 keeps the size).")
    int shortestEdge;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set another key of the image encoder's config,"
            + " e.g. --set finalOutput=true, --set taps=[3,7,11]. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--text-set", paramLabel = "KEY=VALUE", description = "Set another key of the text encoder's"
            + " config. Repeatable.")
    List<String> textSets = new ArrayList<>();

    @Override
    public Integer call() {
        if (repeat < 1 || (size != null && size < 1) || shortestEdge < 0) {
            throw new ComponentException("OVRSIS-CONFIG-CONSTRAINT", "", "--repeat and --size must be at least 1,"
                    + " --shortest-edge at least 0");
        }
        PrintStream con = System.out;
        RgbImage rgb = readImage();
        try (PluginHost host = root.startPlugins(); NDManager manager = NDManager.newBaseManager()) {
            ComponentCatalog catalog = host.catalog();
            BoundComponent imageBound = CommandLineComponent.bind(catalog, Slot.IMAGE_ENCODER, IMAGE_KEY, encoderId,
                    "--encoder", imageSettings(), sets);
            BoundComponent textBound = classes == null ? null : CommandLineComponent.bind(catalog, Slot.TEXT_ENCODER,
                    TEXT_KEY, textId(catalog), textEncoderId != null ? "--text-encoder" : "--encoder", textSettings(),
                    textSets);
            RuntimeEnvironment env = ExperimentSession.environment(root.projectDir());
            ImageEncoder encoder = build(imageBound);
            con.println("Encoder " + encoderId + " " + origin(catalog, imageBound) + ": input "
                    + encoder.preprocess().inputSize() + " px, maps " + encoder.featureSpec().maps().keySet());
            long start = System.nanoTime();
            load(encoder, IMAGE_KEY, env, manager);
            con.printf("Loaded %s in %.1f s: %,d parameters; %s%n", weightsText(imageBound), seconds(start),
                    encoder.module().parameterCount(), memoryText(ProcessMemory.now(), manager));

            InferenceSettings test = new InferenceSettings(shortestEdge, 2560, 32);
            ImageFeatures features = new ImageFeatures(encoder, test);
            con.println("Image " + image + ": " + rgb.width() + "×" + rgb.height() + " → " + inputText(rgb, test,
                    encoder.preprocess().inputSize()));
            List<FeatureArray> maps = forwards(features, rgb, manager, con);

            TextFeatures text = textBound == null ? null : text(textBound, env, manager, con);
            // nothing is written before everything has been computed
            List<String> written = write(maps, text);
            con.println("Wrote into " + out + ": " + String.join(", ", written));
            return UserErrors.OK;
        }
    }

    /** The .npy files (and prompts.txt), each written atomically; a failure is a user error about --out. */
    private List<String> write(List<FeatureArray> maps, TextFeatures text) {
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (FeatureArray map : maps) {
                NpyFiles.writeFloat32(out.resolve(map.name() + ".npy"), map.shape(), map.values());
                written.add(map.name() + ".npy (" + map.shapeText() + ")");
            }
            if (text != null) {
                long[] tokens = text.flatTokens();
                int rows = text.prompts().size();
                if (tokens != null) {
                    long context = rows == 0 ? 0 : tokens.length / rows;
                    NpyFiles.writeInt64(out.resolve("tokens.npy"), new long[] {rows, context}, tokens);
                    written.add("tokens.npy (" + rows + "×" + context + ")");
                }
                FeatureArray emb = text.embeddings();
                NpyFiles.writeFloat32(out.resolve("text.npy"), emb.shape(), emb.values());
                written.add("text.npy (" + emb.shapeText() + ")");
                AtomicFiles.write(out.resolve("prompts.txt"),
                        (String.join("\n", text.prompts()) + "\n").getBytes(StandardCharsets.UTF_8));
                written.add("prompts.txt");
            }
        } catch (IOException e) {
            throw new ComponentException("OVRSIS-OUTPUT-WRITE", "--out", "cannot write into " + out.toAbsolutePath()
                    + ": " + e + ". Choose a folder you can write to.", e);
        }
        return written;
    }

    /** The image as detectron2's {@code read_image} gives it: RGB, turned by a JPEG's EXIF orientation. */
    private RgbImage readImage() {
        try {
            return ImageFiles.oriented(ImageFiles.read(image, "--image"), image);
        } catch (IOException e) {
            throw new ComponentException("OVRSIS-DATA-INVALID", "--image", "cannot read " + image + ": " + e, e);
        }
    }

    private List<Setting> imageSettings() {
        List<Setting> s = new ArrayList<>();
        if (weights != null) {
            s.add(new Setting("weights", weightsValue(), "--weights"));
        }
        if (size != null) {
            s.add(new Setting("inputSize", size, "--size"));
        }
        return s;
    }

    private List<Setting> textSettings() {
        List<Setting> s = new ArrayList<>();
        if (weights != null) {
            s.add(new Setting("weights", weightsValue(), "--weights"));
        }
        if (template != null) {
            s.add(new Setting("templates", template, "--template"));
        }
        if (vocab != null) {
            s.add(new Setting("vocab", path(vocab), "--vocab"));
        }
        return s;
    }

    private String weightsValue() {
        return weights.equalsIgnoreCase("none") ? null : path(weights);
    }

    /** pretrain/x stays as it is (the pretrain folder); other relative paths are made absolute here. */
    private static String path(String p) {
        return p.startsWith("pretrain/") ? p : Path.of(p).toAbsolutePath().normalize().toString();
    }

    /** The text tower paired with the image encoder: -vit → -text, unless --text-encoder names one. */
    private String textId(ComponentCatalog catalog) {
        if (textEncoderId != null) {
            return textEncoderId;
        }
        String paired = encoderId.replaceFirst("-vit", "-text");
        if (paired.equals(encoderId) || catalog.registered(Slot.TEXT_ENCODER, paired).isEmpty()) {
            throw new ComponentException("OVRSIS-COMPOSE-MISMATCH", "--classes", encoderId + " has no paired text"
                    + " encoder (looked for \"" + paired + "\"). Name one with --text-encoder; known text encoders: "
                    + String.join(", ", catalog.components(Slot.TEXT_ENCODER).stream().map(c -> c.id()).toList()));
        }
        return paired;
    }

    private <T> T build(BoundComponent bound) {
        BuildContext ctx = new BuildContext(bound.keyPath(), root.projectDir(), Map.of(), Optional.empty(), 0);
        return PluginCalls.withLoaderOf(bound.factory(), () -> bound.create(ctx));
    }

    /** Random initialisation (seed 0), then the component's own prepare: weights, vocabulary, freezing. */
    private static void load(ModelComponent component, String keyPath, RuntimeEnvironment env, NDManager manager) {
        component.module().initialize(manager, 0);
        try {
            Preparation.prepare(component, keyPath, env, manager);
        } catch (ComponentException e) {
            throw new ComponentException(e.code(), option(e.keyPath()), e.getMessage(), e);
        }
    }

    /** The command-line option behind a component key path, for messages. */
    static String option(String keyPath) {
        String key = keyPath.contains(".") ? keyPath.substring(keyPath.indexOf('.') + 1) : "";
        return switch (key) {
            case "weights" -> "--weights";
            case "vocab" -> "--vocab";
            case "inputSize" -> "--size";
            case "templates" -> "--template";
            case "contextLength" -> "--classes";
            default -> keyPath;
        };
    }

    private List<FeatureArray> forwards(ImageFeatures features, RgbImage rgb, NDManager manager, PrintStream con) {
        List<FeatureArray> first = null;
        long[] nanos = new long[repeat];
        double[] rss = new double[repeat];
        boolean same = true;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            List<FeatureArray> maps = features.forward(rgb, manager);
            nanos[i] = System.nanoTime() - t0;
            ProcessMemory mem = ProcessMemory.now();
            rss[i] = mem.rssMiB();
            if (first == null) {
                first = maps;
            } else {
                same &= sameValues(first, maps);
            }
            con.printf("forward %d/%d: %.0f ms; %s%n", i + 1, repeat, nanos[i] / 1e6, memoryText(mem, manager));
        }
        if (repeat > 1) {
            long[] rest = Arrays.copyOfRange(nanos, 1, repeat);
            Arrays.sort(rest);
            con.printf("forward time: first %.0f ms, then median %.0f ms (min %.0f, max %.0f)%n", nanos[0] / 1e6,
                    rest[rest.length / 2] / 1e6, rest[0] / 1e6, rest[rest.length - 1] / 1e6);
            double[] later = Arrays.copyOfRange(rss, 1, repeat);
            con.printf("RSS after forward 1: %.0f MiB; after forwards 2..%d: min %.0f, max %.0f, last %.0f MiB%s%n",
                    rss[0], repeat, Arrays.stream(later).min().orElse(-1), Arrays.stream(later).max().orElse(-1),
                    rss[repeat - 1], later.length < 4 ? "" : String.format(java.util.Locale.ROOT,
                            "; mean of their second half minus their first half: %+.0f MiB",
                            mean(later, later.length / 2, later.length) - mean(later, 0, later.length / 2)));
            con.println("outputs identical across forwards: " + (same ? "yes" : "NO"));
        }
        return first;
    }

    private static double mean(double[] v, int from, int to) {
        return to <= from ? 0 : Arrays.stream(v, from, to).average().orElse(0);
    }

    private static boolean sameValues(List<FeatureArray> a, List<FeatureArray> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i).values(), b.get(i).values())) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    private TextFeatures text(BoundComponent bound, RuntimeEnvironment env, NDManager manager, PrintStream con) {
        TextEncoder encoder = build(bound);
        long start = System.nanoTime();
        load(encoder, TEXT_KEY, env, manager);
        con.printf("Text encoder %s: loaded in %.1f s%n", bound.id(), seconds(start));
        start = System.nanoTime();
        TextFeatures text;
        try {
            text = TextFeatures.encode(encoder, classes.stream().map(String::strip).toList(), manager);
        } catch (ComponentException e) {
            throw new ComponentException(e.code(), option(e.keyPath()), e.getMessage(), e);
        }
        con.printf("Encoded %d classes × %d templates = %d prompts in %.1f s%n", classes.size(),
                encoder.templates().size(), text.prompts().size(), seconds(start));
        if (text.tokens() == null) {
            con.println("(" + bound.id() + " does not expose its tokenizer: no tokens.npy)");
        }
        return text;
    }

    private static String origin(ComponentCatalog catalog, BoundComponent bound) {
        return catalog.origin(bound.factory()).map(c -> "[" + c.pluginId() + " " + c.pluginVersion() + "]").orElse("");
    }

    private String weightsText(BoundComponent bound) {
        return weights != null && weights.equalsIgnoreCase("none") ? "random weights (--weights none)"
                : weights != null ? weights : "the default weights of " + bound.id();
    }

    private static String inputText(RgbImage rgb, InferenceSettings s, int inputSize) {
        int[] hw = s.shortestEdge() <= 0 ? new int[] {rgb.height(), rgb.width()}
                : PilResize.shortestEdgeSize(rgb.height(), rgb.width(), s.shortestEdge(), s.maxSize());
        int ph = ImageTensors.padTo(hw[0], s.sizeDivisibility());
        int pw = ImageTensors.padTo(hw[1], s.sizeDivisibility());
        return "resized " + hw[1] + "×" + hw[0] + " → padded " + pw + "×" + ph + " → squashed " + inputSize + "×"
                + inputSize;
    }

    private static String memoryText(ProcessMemory m, NDManager manager) {
        return String.format(java.util.Locale.ROOT, "RSS %.0f MiB (peak %.0f), Java heap %.0f MiB, live NDArrays %d",
                m.rssMiB(), m.peakRssMiB(), m.heapMiB(), manager.getManagedArrays().size());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
