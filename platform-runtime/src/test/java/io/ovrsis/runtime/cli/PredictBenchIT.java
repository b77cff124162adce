package io.ovrsis.runtime.cli;

import static io.ovrsis.runtime.cli.CliRunner.ovrsis;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.api.testing.Tensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} and {@code bench} end to end on the demo experiment: a 4-iteration run makes the
 * checkpoint, then every output of predict, an open vocabulary, the extra-cost maps of an aux
 * encoder, the user mistakes (exit 2, no stack trace) and bench with its JSON. No timing assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictBenchIT {
    private static final String CLASSES = "building,road,tree,low vegetation,water,car,bare soil,impervious surface";

    @TempDir
    static Path tmp;

    private Path checkpoints;
    private Path image;


    private static String experiment() {
        return Path.of(System.getProperty("ovrsis.project.dir", "..")).resolve("experiments/demo.yaml").toString();
    }

    @BeforeAll
    void trainATinyDemo() throws IOException {
        Path data = tmp.resolve("synthetic");
        checkpoints = tmp.resolve("checkpoints");
        CliRunner.Result r = ovrsis("run", experiment(), "--set", "train.iterations=4", "--set", "train.checkpointEvery=4",
                "--set", "data.batchSize=2", "--set", "data.workers=1", "--set", "eval.overlays=0",
                "--set", "data.train.root=" + data, "--set", "data.train.trainImages=4",
                "--set", "data.train.valImages=0", "--set", "data.train.testImages=2",
                "--set", "eval.datasets[0].root=" + data, "--set", "eval.datasets[0].trainImages=4",
                "--set", "eval.datasets[0].valImages=0", "--set", "eval.datasets[0].testImages=2",
                "--set", "tracking.uri=" + tmp.resolve("mlruns"), "--set", "train.checkpointDir=" + checkpoints);
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.walk(data)) {
            image = s.filter(p -> p.toString().contains("imgs") && p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
    }

    private Path runCheckpoints() throws IOException {
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private List<String> predict(String... extra) throws IOException {
        List<String> a = new ArrayList<>(List.of("predict", "--experiment", experiment(), "--checkpoint",
                runCheckpoints().toString(), "--image", image.toString()));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    @Test
    void writesEveryOutput() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result r = ovrsis(predict("--classes", CLASSES, "--out", out.resolve("mask.png").toString(),
                "--color-mask", out.resolve("color.png").toString(), "--overlay", out.resolve("overlay.png").toString(),
                "--logits", out.resolve("logits.npy").toString(), "--cost-maps", out.resolve("cost").toString())
                .toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage source = ImageIO.read(image.toFile());
        BufferedImage mask = ImageIO.read(out.resolve("mask.png").toFile());
        assertThat(mask.getWidth()).isEqualTo(source.getWidth());
        assertThat(mask.getHeight()).isEqualTo(source.getHeight());
        assertThat(mask.getColorModel().getPixelSize()).isEqualTo(8);
        int[] labels = mask.getRaster().getPixels(0, 0, mask.getWidth(), mask.getHeight(), (int[]) null);
        assertThat(Arrays.stream(labels).max().orElseThrow()).isLessThan(8);
        assertThat(ImageIO.read(out.resolve("color.png").toFile()).getWidth()).isEqualTo(source.getWidth());
        assertThat(ImageIO.read(out.resolve("overlay.png").toFile()).getWidth()).isGreaterThanOrEqualTo(256);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = Tensors.readNpy(m, out.resolve("logits.npy"));
            // demo: cost grid 8 (64 px, patch 8), RS-Transfer x4
            assertThat(logits.getShape().getShape()).containsExactly(8, 32, 32);
        }
        String stem = image.getFileName().toString().replace(".png", "");
        Path maps = out.resolve("cost").resolve(stem);
        for (String source2 : List.of("rot0", "rot90", "rot180", "rot270", "summary")) {
            assertThat(maps.resolve(source2 + "_0_building.png")).isRegularFile();
            assertThat(maps.resolve(source2 + "_7_impervious-surface.png")).isRegularFile();
        }
        try (Stream<Path> s = Files.list(maps)) {
            assertThat(s.count()).isEqualTo(5 * 8);
        }
        assertThat(r.out()).contains("pixel value = class index");
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).as("no temporary files left").isZero();
        }
    }

    @Test
    void anyVocabularyAndTheExtraCostMapOfAnAuxEncoder() throws IOException {
        Path out = tmp.resolve("open");
        // an untrained demo with a second (DINO-like) tower giving RS-CMA's extra cost
        CliRunner.Result r = ovrsis("predict", "--experiment", experiment(), "--untrained", "--image", image.toString(),
                "--classes", "asphalt, grass ,house", "--logits", out.resolve("l.npy").toString(),
                "--cost-maps", out.resolve("cost").toString(),
                "--set", "model.auxEncoders.dino={component: clip-vit, width: 32, layers: 1, heads: 2, patchSize: 8,"
                        + " pretrainedGrid: 8, outputDim: 48, inputSize: 128, taps: [], finetune: frozen}",
                "--set", "model.aggregator.extraCost=[dino]");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("--untrained").contains("rot0, rot90, rot180, rot270, dino");
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Tensors.readNpy(m, out.resolve("l.npy")).getShape().getShape()).containsExactly(3, 32, 32);
        }
        Path maps = out.resolve("cost").resolve(image.getFileName().toString().replace(".png", ""));
        assertThat(maps.resolve("dino_1_grass.png")).isRegularFile();
        assertThat(maps.resolve("summary_2_house.png")).isRegularFile();
    }

    private static void assertUserError(CliRunner.Result r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ");
    }

    @Test
    void userMistakesExitWithTwoAndOneMessage() throws IOException {
        String mask = tmp.resolve("m.png").toString();
        assertUserError(ovrsis(predict("--classes", "a,b", "--out", mask).stream()
                .map(s -> s.equals(image.toString()) ? tmp.resolve("nope.png").toString() : s).toArray(String[]::new)),
                "OVRSIS-DATA-MISSING", "nope.png");
        Path text = tmp.resolve("not-an-image.png");
        Files.writeString(text, "hello");
        assertUserError(ovrsis(predict("--classes", "a,b", "--out", mask).stream()
                .map(s -> s.equals(image.toString()) ? text.toString() : s).toArray(String[]::new)),
                "OVRSIS-DATA-INVALID", "not-an-image.png");
        assertUserError(ovrsis(predict("--classes", " , ", "--out", mask).toArray(String[]::new)), "--classes is empty");
        assertUserError(ovrsis(predict("--classes", "a,,b", "--out", mask).toArray(String[]::new)), "empty name");
        assertUserError(ovrsis(predict("--classes", "a,b,a", "--out", mask).toArray(String[]::new)), "\"a\" twice");
        assertUserError(ovrsis(predict("--classes", "a,b").toArray(String[]::new)), "Nothing to write");
        assertUserError(ovrsis("predict", "--experiment", experiment(), "--image", image.toString(), "--classes", "a",
                "--out", mask), "--checkpoint is missing", "--untrained");
        assertUserError(ovrsis("predict", "--experiment", experiment(), "--checkpoint", tmp.resolve("none").toString(),
                "--image", image.toString(), "--classes", "a", "--out", mask), "OVRSIS-CHECKPOINT", "does not exist");
        Path broken = tmp.resolve("broken/iter_0000001");
        Files.createDirectories(broken);
        Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertUserError(ovrsis("predict", "--experiment", experiment(), "--checkpoint", broken.toString(),
                "--image", image.toString(), "--classes", "a", "--out", mask), "OVRSIS-CHECKPOINT", "model.safetensors");
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertUserError(ovrsis(predict("--classes", "a,b", "--out", file.resolve("m.png").toString()).toArray(String[]::new)),
                "OVRSIS-OUTPUT-WRITE", "--out");
        assertThat(Path.of(mask)).doesNotExist();
    }

    @Test
    void benchTimesEveryStageAndWritesJson() throws IOException {
        Path json = tmp.resolve("bench/bench.json");
        CliRunner.Result r = ovrsis("bench", experiment(), "--image-size", "96", "--classes", "5", "--repeat", "2", "--warmup", "1",
                "--checkpoint", runCheckpoints().toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("imageEncoder (all views)").contains("aggregator").contains("fusion (whole head)")
                .contains("decoder").contains("total (predict forward)").contains("RSS").contains("17.9 s")
                .contains("not comparable").contains("autograd off");
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("stages").has("imageEncoder")).isTrue();
        assertThat(tree.get("stages").has("postprocess")).isTrue();
        assertThat(tree.get("passes")).hasSize(2);
        assertThat(tree.get("autograd").asBoolean()).isFalse();
        assertThat(tree.get("classes").asInt()).isEqualTo(5);
        // demo eval.inference: shortest edge 64, padded to 32: 96 x 96 -> 64 x 64
        assertThat(tree.get("modelInput").get(0).asInt()).isEqualTo(64);
        assertThat(tree.get("targets").get("comparable").asBoolean()).isFalse();
    }
}
