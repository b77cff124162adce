package io.ovrsis.runtime.cli;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.runtime.data.ImageFiles;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.Predictor;
import io.ovrsis.runtime.model.StageObserver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ovrsis predict}: one image, any class names, the authors' test path; mask, logits and pictures. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Segment one image into the given class names (any names: the vocabulary is open; its text",
            "embeddings are computed once). Inference is the authors' test path, as `eval` runs it: the",
            "experiment's eval.inference settings (shortest side to 640, long side at most 2560, for the",
            "paper experiments; JPEG EXIF orientation applied), normalisation, zero padding to a multiple",
            "of 32, a bilinear squash to each encoder's input size, sigmoid, bilinear back to the image",
            "size, arg-max over the classes. Outputs (each written atomically; give at least one):",
            "  --out FILE.png        class indices as a grey PNG: pixel value i = i-th name of --classes",
            "                        (8-bit; 16-bit for more than 256 classes)",
            "  --color-mask FILE.png every pixel in its class's colour (the overlay's palette)",
            "  --overlay FILE.png    the prediction over the image (alpha 0.4, like detectron2's",
            "                        Visualizer.draw_sem_seg) with a legend: colour, class, pixel share",
            "  --logits FILE.npy     decoder output before sigmoid, float32 T x h x w (T x 96 x 96 for",
            "                        ViT-B/16 at 384 px)",
            "  --cost-maps DIR       the aggregator's raw cost maps as heat maps over the image, as the",
            "                        authors draw them (method.md §10): DIR/<image stem>/<source>_<i>_<name>.png",
            "                        per class and source (rscma: rot0, rot90, rot180, rot270, then each",
            "                        extra-cost encoder, e.g. dino) and summary_<i>_<name>.png (image and",
            "                        every source side by side)",
            "",
            "Example:",
            "  ovrsis predict --experiment experiments/demo.yaml --checkpoint checkpoints/<run id> \\",
            "      --image tile.png --classes \"building,road,tree,water\" --out mask.png --overlay overlay.png",
            ""},
        footer = {"", "Exit code 2 for a mistake in the input (missing or undecodable image, empty class list, a",
            "checkpoint that is missing, truncated or of another model), with one message and no stack trace."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--experiment", required = true, paramLabel = "FILE",
            description = "Experiment YAML the checkpoint was trained with (a run's artifact config/experiment.yaml works).")
    Path experiment;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of the experiment (as for run/eval). Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "PATH",
            description = "A checkpoint folder (checkpoints/<run id>/iter_<n>), a run's checkpoint folder (uses its"
                    + " 'latest'), or what else `eval --checkpoint` accepts.")
    Path checkpoint;

    @Option(names = "--untrained", description = "Predict without a checkpoint: pretrained encoders as the experiment"
            + " loads them, every other weight randomly initialised from the seed. The mask is then meaningless;"
            + " the rot* cost maps show the pretrained encoder's own image-text costs.")
    boolean untrained;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image file (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = "--classes", required = true, paramLabel = "NAMES",
            description = "Comma-separated class names, e.g. \"building,road,tree\" (index i = i-th name).")
    String classes;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Class-index mask (grey PNG).")
    Path out;

    @Option(names = "--color-mask", paramLabel = "FILE.png", description = "Mask in class colours (RGB PNG).")
    Path colorMask;

    @Option(names = "--overlay", paramLabel = "FILE.png", description = "Prediction over the image with a legend.")
    Path overlay;

    @Option(names = "--logits", paramLabel = "FILE.npy", description = "Logits before sigmoid, float32 T x h x w.")
    Path logits;

    @Option(names = "--cost-maps", paramLabel = "DIR", description = "Folder for the cost-map heat maps.")
    Path costMaps;

    @Override
    public Integer call() throws IOException {
        List<String> names = parseClasses();
        if (out == null && colorMask == null && overlay == null && logits == null && costMaps == null) {
            throw new ParameterException(spec.commandLine(),
                    "Nothing to write: give at least one of --out, --color-mask, --overlay, --logits, --cost-maps.");
        }
        if (checkpoint == null && !untrained) {
            throw new ParameterException(spec.commandLine(), "--checkpoint is missing: predictions need trained weights."
                    + " Give --untrained to predict with the experiment's initial weights anyway (pretrained encoders,"
                    + " random head).");
        }
        if (checkpoint != null && untrained) {
            throw new ParameterException(spec.commandLine(), "--untrained and --checkpoint exclude each other.");
        }
        RgbImage picture = ImageFiles.oriented(ImageFiles.read(image, "--image"), image);
        PrintStream con = System.out;
        ExperimentOptions options = new ExperimentOptions();
        options.file = experiment;
        options.overrides = overrides;
        try (InferenceSession session = InferenceSession.open(root, options, checkpoint, con);
             NDManager textManager = session.manager().newSubManager()) {
            if (untrained) {
                con.println("No checkpoint (--untrained): the head is randomly initialised; the mask is meaningless.");
            }
            long t0 = System.nanoTime();
            TextEmbeddings text = session.model().encodeText(names, textManager, false);
            long t1 = System.nanoTime();
            Predictor.Inspection result = session.predictor().inspect(picture, text,
                    new Predictor.Keep(logits != null, costMaps != null), StageObserver.NONE);
            long t2 = System.nanoTime();
            con.printf(Locale.ROOT, "%s: %d x %d, %d classes; text encoded in %.2f s, prediction in %.2f s%n",
                    image, picture.width(), picture.height(), names.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            Predictor.Prediction p = result.prediction();
            printShares(con, p, names);
            if (out != null) {
                write("--out", out, () -> PredictionFiles.mask(out, p));
                con.println("mask:       " + out + " (grey PNG, pixel value = class index in --classes)");
            }
            if (colorMask != null) {
                write("--color-mask", colorMask, () -> PredictionFiles.colorMask(colorMask, p));
                con.println("color mask: " + colorMask);
            }
            if (overlay != null) {
                write("--overlay", overlay, () -> PredictionFiles.overlay(overlay, picture, p, names));
                con.println("overlay:    " + overlay);
            }
            if (logits != null) {
                Predictor.ClassMaps l = result.logits();
                write("--logits", logits, () -> PredictionFiles.logits(logits, l));
                con.printf(Locale.ROOT, "logits:     %s (float32 %d x %d x %d, before sigmoid)%n", logits, l.classes(),
                        l.height(), l.width());
            }
            if (costMaps != null) {
                String aggregator = session.session().composed().componentIds().get("model.aggregator");
                if (result.costMaps().isEmpty()) {
                    throw new ComponentException("OVRSIS-CONFIG-UNSUPPORTED", "", "--cost-maps: model.aggregator ("
                            + aggregator + ") exposes no cost maps (its CostAggregator.costMaps returns none), so there is"
                            + " nothing to draw. The other outputs were written.");
                }
                String stem = image.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                write("--cost-maps", costMaps, () -> PredictionFiles.costMaps(costMaps, stem, picture, result.costMaps(),
                        names, session.manager()));
                Predictor.ClassMaps any = result.costMaps().values().iterator().next();
                con.printf(Locale.ROOT, "cost maps:  %s (%s from %s, %d x %d each; per class one picture per source"
                        + " and a summary)%n", costMaps.resolve(stem), String.join(", ", result.costMaps().keySet()),
                        aggregator, any.height(), any.width());
            }
            return UserErrors.OK;
        }
    }

    /** Writing one output. */
    private interface Output {
        void write() throws IOException;
    }

    private static void write(String option, Path target, Output output) {
        try {
            output.write();
        } catch (IOException e) {
            // no key path: it would be looked up in the experiment's files
            throw new ComponentException("OVRSIS-OUTPUT-WRITE", "", option + ": cannot write " + target.toAbsolutePath()
                    + ": " + e + ". Choose a path you can write to.", e);
        }
    }

    private List<String> parseClasses() {
        List<String> names = new ArrayList<>();
        for (String s : classes.split(",", -1)) {
            names.add(s.strip());
        }
        if (names.stream().allMatch(String::isEmpty)) {
            throw new ParameterException(spec.commandLine(), "--classes is empty: give comma-separated class names,"
                    + " e.g. --classes \"building,road,tree\".");
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new ParameterException(spec.commandLine(), "--classes \"" + classes + "\" has an empty name"
                    + " (two commas in a row, or a comma at either end).");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new ParameterException(spec.commandLine(), "--classes names \"" + n + "\" twice; every class"
                        + " needs its own name.");
            }
        }
        if (names.size() > 65535) {
            throw new ParameterException(spec.commandLine(), "--classes has " + names.size() + " names; at most 65535.");
        }
        return names;
    }

    private static void printShares(PrintStream con, Predictor.Prediction p, List<String> names) {
        long[] counts = new long[names.size()];
        for (int l : p.labels()) {
            counts[l]++;
        }
        StringBuilder sb = new StringBuilder("classes:   ");
        for (int c = 0; c < counts.length; c++) {
            sb.append(String.format(Locale.ROOT, " %s %.1f%%", names.get(c), 100.0 * counts[c] / p.labels().length));
            if (c < counts.length - 1) {
                sb.append(',');
            }
        }
        con.println(sb);
    }
}
