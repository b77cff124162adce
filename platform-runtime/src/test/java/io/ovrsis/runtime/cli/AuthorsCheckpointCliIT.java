package io.ovrsis.runtime.cli;

import static io.ovrsis.runtime.cli.CliRunner.ovrsis;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.testing.Tensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ovrsis predict} and {@code ovrsis eval} with the authors' {@code model_final.pth}
 * (fixtures of {@code tools/reference/rsktseg_reference.py}): the CLI's logits equal PyTorch's, and a
 * missing, non-checkpoint or foreign {@code .pth} exits with code 2 and one clear message.
 */
class AuthorsCheckpointCliIT {
    private static final Path PROJECT = Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = PROJECT.resolve("platform-runtime/src/test/resources/authors");
    private static final String CLASSES = "bare soil,building,water";

    @TempDir
    Path tmp;


    private static String experiment(String variant) {
        return FIXTURES.resolve(variant).resolve("experiment.yaml").toString();
    }

    /** The first fixture image (24 x 40) as a PNG. */
    private Path firstImage() throws IOException {
        int h = 24;
        int w = 40;
        int[] rgb;
        try (NDManager m = NDManager.newBaseManager()) {
            rgb = Tensors.readNpy(m, FIXTURES.resolve("image_rgb.npy")).toIntArray();
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                img.setRGB(x, y, rgb[i] << 16 | rgb[i + 1] << 8 | rgb[i + 2]);
            }
        }
        Path png = tmp.resolve("image0.png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }

    private CliRunner.Result predict(String variant, Path checkpoint, Path logits) throws IOException {
        // shortest edge 24 = the image's: no resize, so the input is the fixture's first image, padded to 32 x 64
        return ovrsis("predict", "--experiment", experiment(variant), "--checkpoint", checkpoint.toString(),
                "--image", firstImage().toString(), "--classes", CLASSES, "--logits", logits.toString(),
                "--set", "eval.inference.shortestEdge=24");
    }

    @Test
    void predictWithTheAuthorsCheckpointWritesTheirLogits() throws IOException {
        for (String variant : new String[] {"rsktseg", "catseg"}) {
            Path logits = tmp.resolve(variant + "_logits.npy");
            CliRunner.Result r = predict(variant, FIXTURES.resolve(variant).resolve("model_final.pth"), logits);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Loaded checkpoint").contains("model_final.pth");
            try (NDManager m = NDManager.newBaseManager()) {
                float[] all = Tensors.readNpy(m, FIXTURES.resolve(variant).resolve("logits.npy")).toFloatArray();
                float[] first = Arrays.copyOf(all, all.length / 2); // (2, T, 32, 32): image 0
                double diff = Tensors.maxAbsDiff(Tensors.readNpy(m, logits), first);
                System.out.printf("%s predict --logits max |diff| vs PyTorch: %.2e%n", variant, diff);
                assertThat(diff).isLessThanOrEqualTo(1e-4);
            }
        }
    }

    @Test
    void aMissingCheckpointFileIsAUserError() throws IOException {
        Path missing = tmp.resolve("model_final.pth");
        CliRunner.Result p = predict("catseg", missing, tmp.resolve("l.npy"));
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("OVRSIS-CHECKPOINT").contains(missing + " does not exist").doesNotContain("\tat ");
        CliRunner.Result e = ovrsis("eval", experiment("catseg"), "--checkpoint", missing.toString(),
                "--set", "tracking.uri=" + tmp.resolve("mlruns"));
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("OVRSIS-CHECKPOINT").contains(missing + " does not exist").doesNotContain("\tat ");
        assertThat(tmp.resolve("mlruns")).doesNotExist();
    }

    @Test
    void aPthThatIsNoCheckpointIsAUserError() throws IOException {
        Path text = tmp.resolve("model_final.pth");
        Files.writeString(text, "not a checkpoint\n");
        CliRunner.Result p = predict("catseg", text, tmp.resolve("l.npy"));
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("OVRSIS-WEIGHTS-FORMAT").contains("not a PyTorch checkpoint").doesNotContain("\tat ");
        CliRunner.Result e = ovrsis("eval", experiment("catseg"), "--checkpoint", text.toString(),
                "--set", "tracking.uri=" + tmp.resolve("mlruns"));
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("OVRSIS-WEIGHTS-FORMAT").contains("not a PyTorch checkpoint").doesNotContain("\tat ");
        assertThat(tmp.resolve("mlruns")).doesNotExist();
    }

    @Test
    void aTorchFileWithoutTheAuthorsKeysIsAUserErrorThatSaysSo() {
        // a plain torch.save state dict of the weight reader's tests (keys f32, f16, i64, ...)
        Path foreign = PROJECT.resolve("platform-runtime/src/test/resources/weights/basic_zip.pth");
        CliRunner.Result e = ovrsis("eval", experiment("catseg"), "--checkpoint", foreign.toString(),
                "--set", "tracking.uri=" + tmp.resolve("mlruns"));
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("OVRSIS-CHECKPOINT").contains("None of its")
                .contains("it is not an RSKT-Seg/CAT-Seg model_final.pth").contains("missing: sem_seg_head.predictor.clip_model")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("mlruns")).doesNotExist();
    }
}
