package io.ovrsis.runtime.cli;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.runtime.bench.BenchReport;
import io.ovrsis.runtime.bench.InferenceBenchmark;
import io.ovrsis.runtime.checkpoint.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ovrsis bench EXPERIMENT}: per-component inference time and memory of the predict forward. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Time `predict`'s forward pass on a synthetic square image, per component, through the model's",
            "own code path (each stage observed as it runs, autograd off): preprocess (resize, normalise,",
            "pad), imageEncoder (all rotated views as one batch), each auxEncoders.<name>, aggregator,",
            "fusion (the whole head: a FusionHead exposes no per-layer timing), decoder, postprocess",
            "(sigmoid, resize to the image, arg-max), and the total; the text is encoded once beforehand",
            "and timed on its own. Prints the resident memory after every pass and compares with the",
            "targets of method.md §14.10 (the authors' code: 17.9 s per 640 x 640 image with 17 classes",
            "for RSKT-Seg ViT-B/16 on 2 CPU cores; one RS-Fusion layer >= 10x faster than one CAT-Seg",
            "aggregator layer). Weights do not change the time: without --checkpoint the experiment's",
            "initial weights are used (the pretrained encoder files must still exist, or set their",
            "weights to null with --set).",
            "",
            "Example:",
            "  ovrsis bench experiments/paper/rsktseg-vitb16-3layers-dlrsd.yaml --repeat 3 --json bench.json",
            ""})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--image-size", paramLabel = "N", defaultValue = "640",
            description = "Side of the square test image (default 640); the experiment's eval.inference then resizes it.")
    int imageSize;

    @Option(names = "--classes", paramLabel = "T", defaultValue = "17", description = "Number of class names (default 17).")
    int classes;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed passes (default 3).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Untimed passes first (default 1).")
    int warmup;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "Load a checkpoint first (as eval does).")
    Path checkpoint;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (imageSize < 16 || classes < 1 || repeat < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--image-size must be >= 16, --classes >= 1, --repeat >= 1"
                    + " and --warmup >= 0 (got " + imageSize + ", " + classes + ", " + repeat + ", " + warmup + ").");
        }
        PrintStream con = System.out;
        try (InferenceSession session = InferenceSession.open(root, options, checkpoint, con)) {
            InferenceBenchmark.Result result = InferenceBenchmark.run(session.model(), session.predictor(),
                    session.inferenceSettings(), new InferenceBenchmark.Settings(imageSize, classes, warmup, repeat),
                    session.manager(), line -> con.println("  " + line));
            Map<String, String> components = session.session().composed().componentIds();
            String threads = String.format(Locale.ROOT, "PyTorch threads %d intra-op, %d inter-op; %d CPUs",
                    JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), Runtime.getRuntime().availableProcessors());
            con.println();
            con.print(BenchReport.table(result, options.file.toString(), components, threads));
            if (json != null) {
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("intraOpThreads", JniUtils.getNumThreads());
                env.put("interOpThreads", JniUtils.getNumInteropThreads());
                env.put("cpus", Runtime.getRuntime().availableProcessors());
                env.put("checkpoint", session.checkpoint() == null ? null : session.checkpoint().toString());
                Map<String, Object> tree = BenchReport.json(result, options.file.toString(), components, env);
                AtomicFiles.write(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
                con.println("JSON: " + json);
            }
            return UserErrors.OK;
        }
    }
}
