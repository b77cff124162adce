package io.ovrsis.runtime.features;

import static io.ovrsis.runtime.cli.CliRunner.ovrsis;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.runtime.cli.CliRunner;
import io.ovrsis.runtime.weights.TorchCheckpointReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ovrsis features} in-process over the built backbone-clip plugin, on its tiny committed
 * checkpoints (tools/reference/clip_reference.py): the files it writes, text embeddings equal to
 * the PyTorch reference, and one clear exit-code-2 error, without a stack trace, for each way a
 * weight file can be wrong (variants made here from the fixtures).
 */
class FeaturesCommandIT {
    private static final Path PROJECT = Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath();
    private static final Path REFERENCE = PROJECT.resolve("plugins/backbone-clip/src/test/resources/reference");
    /** clip_reference.py's OpenAI-style tiny tower: vision 32 wide, 3 blocks, 4 heads, patch 8, grid 4, output 16. */
    private static final List<String> TINY_OPENAI = List.of("--set", "width=32", "--set", "layers=3", "--set", "heads=4",
            "--set", "patchSize=8", "--set", "pretrainedGrid=4", "--set", "outputDim=16", "--set", "taps=[0, 1]");
    /** Its text tower, with the bytes tokenizer (ids = UTF-8 byte + 1, context 56, vocabulary 260). */
    private static final List<String> TINY_TEXT = List.of("--text-set", "width=32", "--text-set", "layers=2",
            "--text-set", "heads=4", "--text-set", "outputDim=16", "--text-set", "contextLength=56",
            "--text-set", "vocabSize=260", "--text-set", "tokenizer=bytes");
    /** The RemoteCLIP-style tiny tower: 16 wide, 2 heads, output 8. */
    private static final List<String> TINY_REMOTE = List.of("--set", "width=16", "--set", "layers=3", "--set", "heads=2",
            "--set", "patchSize=8", "--set", "pretrainedGrid=4", "--set", "outputDim=8", "--set", "taps=[0, 1]");

    @TempDir
    Path tmp;

    private Path image;

    @BeforeEach
    void writeImage() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3));
            }
        }
        image = tmp.resolve("tile.png");
        ImageIO.write(img, "png", image.toFile());
    }

    private List<String> features(String encoder, Object weights, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("features", "--encoder", encoder, "--image", image.toString(),
                "--out", tmp.resolve("out").toString()));
        if (weights != null) {
            a.addAll(List.of("--weights", weights.toString()));
        }
        a.addAll(extra);
        return a;
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(more));
        return all;
    }

    @Test
    void writesEveryFeatureMapAndTextEmbeddingsEqualToTheReference() throws IOException {
        List<String> args = new ArrayList<>(features("clip-vit", REFERENCE.resolve("clip_tiny_openai.pt"), TINY_OPENAI));
        args.addAll(TINY_TEXT);
        // "tanks" is the reference's third class "tanks, storage" cut at ", " as the authors do
        args.addAll(List.of("--size", "48", "--repeat", "2", "--classes", "bare soil,Clutter/background,tanks"));
        CliRunner.Result r = ovrsis(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("forward 1/2", "forward 2/2", "RSS", "live NDArrays",
                "outputs identical across forwards: yes", "squashed 48×48");
        Path out = tmp.resolve("out");
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Tensors.readNpy(m, out.resolve("dense.npy")).getShape().getShape()).containsExactly(16, 6, 6);
            assertThat(Tensors.readNpy(m, out.resolve("block0.npy")).getShape().getShape()).containsExactly(32, 6, 6);
            NDArray block1 = Tensors.readNpy(m, out.resolve("block1.npy"));
            assertThat(block1.getShape().getShape()).containsExactly(32, 6, 6);
            assertThat(block1.isInfinite().any().getBoolean() || block1.isNaN().any().getBoolean()).isFalse();
            NDArray tokens = Tensors.readNpy(m, out.resolve("tokens.npy"));
            assertThat(tokens.getDataType()).isEqualTo(DataType.INT64);
            assertThat(tokens.toLongArray()).containsExactly(
                    Tensors.readNpy(m, REFERENCE.resolve("tokens_single.npy")).toLongArray());
            NDArray text = Tensors.readNpy(m, out.resolve("text.npy"));
            assertThat(text.getShape().getShape()).containsExactly(3, 16);
            float[] expected = Tensors.readNpy(m, REFERENCE.resolve("openai_text_single.npy")).toFloatArray();
            assertThat(Tensors.maxAbsDiff(text, expected)).isLessThan(1e-5);
        }
        assertThat(Files.readAllLines(out.resolve("prompts.txt"))).containsExactly("A photo of a bare soil in the scene",
                "A photo of a Clutter/background in the scene", "A photo of a tanks in the scene");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void severalTemplatesGiveClassMajorRows() throws IOException {
        List<String> args = new ArrayList<>(features("clip-vit", "none", TINY_OPENAI));
        args.addAll(TINY_TEXT);
        args.addAll(List.of("--size", "32", "--classes", "road,tree", "--template", "rs"));
        CliRunner.Result r = ovrsis(args);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> prompts = Files.readAllLines(tmp.resolve("out/prompts.txt"));
        assertThat(prompts).hasSize(16);
        assertThat(prompts.get(0)).isEqualTo("a photo of a road in the scene");
        assertThat(prompts.get(7)).isEqualTo("road visible from above");
        assertThat(prompts.get(8)).isEqualTo("a photo of a tree in the scene");
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Tensors.readNpy(m, tmp.resolve("out/text.npy")).getShape().getShape()).containsExactly(16, 16);
        }
    }

    private void assertOneUserError(CliRunner.Result r, String code, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.codes()).as(r.err()).hasSize(1);
        assertThat(r.codes().get(0)).as(r.err()).endsWith(code);
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ").doesNotContain("OVRSIS-INTERNAL");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void truncatedWeightFile() throws IOException {
        byte[] all = Files.readAllBytes(REFERENCE.resolve("clip_tiny_openai.pt"));
        Path cut = Files.write(tmp.resolve("cut.pt"), Arrays.copyOf(all, all.length / 2));
        assertOneUserError(ovrsis(features("clip-vit", cut, TINY_OPENAI)), "OVRSIS-WEIGHTS-FORMAT",
                "--weights", "cut.pt", "truncated or corrupt");
        byte[] legacy = Files.readAllBytes(REFERENCE.resolve("clip_tiny_remoteclip_legacy.pt"));
        Path cutLegacy = Files.write(tmp.resolve("cut_legacy.pt"), Arrays.copyOf(legacy, legacy.length - 100));
        assertOneUserError(ovrsis(features("clip-vit", cutLegacy, TINY_REMOTE)), "OVRSIS-WEIGHTS-FORMAT",
                "cut_legacy.pt", "truncated");
    }

    @Test
    void weightsOfAnotherArchitectureListTheWrongShapes() {
        CliRunner.Result r = ovrsis(features("clip-vit", REFERENCE.resolve("clip_tiny_remoteclip.pt"), TINY_OPENAI));
        assertOneUserError(r, "OVRSIS-WEIGHTS-SHAPE", "--weights", "clip_tiny_remoteclip.pt", "wrong shapes",
                "visual.conv1.weight has shape (16, 3, 8, 8), expected (32, 3, 8, 8)", "The file looks like",
                "width 16");
    }

    @Test
    void filesThatAreNoCheckpointSayWhatTheyAre() throws IOException {
        assertOneUserError(ovrsis(features("clip-vit", image, TINY_OPENAI)), "OVRSIS-WEIGHTS-FORMAT",
                "not a PyTorch checkpoint", "a PNG image");
        Path text = Files.writeString(tmp.resolve("ViT-B-16.pt"), "<!DOCTYPE html><html>Sign in</html>\n");
        assertOneUserError(ovrsis(features("clip-vit", text, TINY_OPENAI)), "OVRSIS-WEIGHTS-FORMAT",
                "not a PyTorch checkpoint", "an HTML page");
        Path empty = Files.write(tmp.resolve("empty.pt"), new byte[0]);
        assertOneUserError(ovrsis(features("clip-vit", empty, TINY_OPENAI)), "OVRSIS-WEIGHTS-FORMAT", "empty file");
    }

    @Test
    void keysUnderAnotherPrefixAreReportedWithThePrefix() throws IOException {
        Path prefixed = rewritten("model_prefix.pt", k -> "model." + k);
        assertOneUserError(ovrsis(features("clip-vit", prefixed, TINY_REMOTE)), "OVRSIS-WEIGHTS-KEYS",
                "missing keys", "visual.conv1.weight", "model.*",
                "The image tower's keys are under \"model.visual.\" (e.g. model.visual.conv1.weight)");
        Path imageOnly = rewritten("image_only.pt", k -> k.startsWith("visual.") ? k.substring(7) : null);
        assertOneUserError(ovrsis(features("clip-vit", imageOnly, TINY_REMOTE)), "OVRSIS-WEIGHTS-KEYS",
                "missing keys", "visual.conv1.weight", "The image tower's keys are at the top level (e.g. conv1.weight),"
                        + " where OpenAI's layout has them under \"visual.\"");
    }

    /** The RemoteCLIP-style fixture with its keys renamed (null drops a key). */
    private Path rewritten(String name, Function<String, String> rename) throws IOException {
        Map<String, TorchZipWriter.Tensor> tensors = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager();
                StateDict dict = new TorchCheckpointReader().read(REFERENCE.resolve("clip_tiny_remoteclip.pt"), m)) {
            dict.tensors().forEach((k, v) -> {
                String key = rename.apply(k);
                if (key != null) {
                    tensors.put(key, new TorchZipWriter.Tensor(v.getShape().getShape(),
                            v.toType(DataType.FLOAT32, false).toFloatArray()));
                }
            });
        }
        return TorchZipWriter.write(tmp.resolve(name), tensors);
    }

    @Test
    void aMissingFileNamesTheExpectedPathAndWhereItIsPublished() {
        Path missing = tmp.resolve("weights/ViT-B-16.pt");
        assertOneUserError(ovrsis(features("clip-vit-b16", missing, List.of())), "OVRSIS-WEIGHTS-MISSING",
                "--weights", missing.toString(), "does not exist", "published by OpenAI");
        Assumptions.assumeTrue(System.getenv("OVRSIS_PRETRAIN_DIR") == null, "OVRSIS_PRETRAIN_DIR is set");
        Assumptions.assumeFalse(Files.exists(PROJECT.resolve("pretrain/ViT-B-16.pt")),
                "pretrain/ViT-B-16.pt is present: the default-path case would load the real model");
        assertOneUserError(ovrsis(features("clip-vit-b16", null, List.of())), "OVRSIS-WEIGHTS-MISSING",
                PROJECT.resolve("pretrain/ViT-B-16.pt").toString(), "pretrain/ViT-B-16.pt", "published by OpenAI");
    }

    @Test
    void optionMistakesAreUserErrors() throws IOException {
        CliRunner.Result unknown = ovrsis(features("clip-vit-b61", "none", List.of()));
        assertOneUserError(unknown, "OVRSIS-CONFIG-UNKNOWN-COMPONENT", "--encoder", "clip-vit-b16");
        CliRunner.Result size = ovrsis(concat(features("clip-vit-b16", "none", List.of()), "--size", "500"));
        assertOneUserError(size, "OVRSIS-CONFIG-CONSTRAINT", "inputSize must be a multiple of patchSize");
        CliRunner.Result key = ovrsis(concat(features("clip-vit", "none", List.of()), "--set", "widht=32"));
        assertOneUserError(key, "OVRSIS-CONFIG-UNKNOWN-KEY", "widht", "width");
        CliRunner.Result noText = ovrsis(concat(features("clip-vit", "none", List.of()), "--classes", "a,b", "--text-encoder",
                "no-such-text"));
        assertOneUserError(noText, "OVRSIS-CONFIG-UNKNOWN-COMPONENT", "--text-encoder", "clip-text-b16");
        CliRunner.Result template = ovrsis(concat(features("clip-vit", "none", List.of()), "--classes", "a", "--template",
                "rs8"));
        assertOneUserError(template, "OVRSIS-CONFIG-TYPE", "--template", "imagenet_select");
        Path nothing = tmp.resolve("nothing.png");
        CliRunner.Result img = ovrsis(List.of("features", "--encoder", "clip-vit", "--weights", "none", "--image",
                nothing.toString(), "--out", tmp.resolve("out").toString()));
        assertOneUserError(img, "OVRSIS-DATA-MISSING", "--image", "nothing.png");
        Path aFile = Files.writeString(tmp.resolve("a-file"), "not a folder");
        CliRunner.Result out = ovrsis(List.of("features", "--encoder", "clip-vit", "--weights", "none", "--size", "32",
                "--image", image.toString(), "--out", aFile.resolve("sub").toString()));
        assertOneUserError(out, "OVRSIS-OUTPUT-WRITE", "--out", "a-file");
    }

    @Test
    void helpExplainsWithAnExample() {
        CliRunner.Result help = ovrsis(List.of("features", "--help"));
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--encoder", "--weights", "--classes", "--template", "--repeat", "Example:",
                "tokens.npy", "text.npy", "class-major");
        assertThat(ovrsis(List.of("--help")).out()).contains("features");
    }
}
