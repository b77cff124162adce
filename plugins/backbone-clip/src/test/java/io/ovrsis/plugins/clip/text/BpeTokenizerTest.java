package io.ovrsis.plugins.clip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLIP BPE ids against reference ids produced by a Python implementation of OpenAI's
 * {@code SimpleTokenizer} (tools/reference/clip_reference.py, without ftfy). Needs the shared
 * vocabulary file: system property {@code ovrsis.clip.vocab}, else
 * {@code ../../../shared/data/clip/bpe_simple_vocab_16e6.txt.gz} from the module folder; skipped
 * when absent.
 */
class BpeTokenizerTest {
    private static BpeTokenizer tokenizer;

    static Path vocabFile() {
        String prop = System.getProperty("ovrsis.clip.vocab");
        return prop != null ? Path.of(prop) : Path.of("../../../shared/data/clip/bpe_simple_vocab_16e6.txt.gz");
    }

    @BeforeAll
    static void load() throws IOException {
        if (Files.isRegularFile(vocabFile())) {
            tokenizer = BpeTokenizer.load(vocabFile());
        }
    }

    private static void requireVocabulary() {
        Assumptions.assumeTrue(tokenizer != null, "CLIP vocabulary not found at " + vocabFile().toAbsolutePath()
                + " (set -Dovrsis.clip.vocab=...); test skipped");
    }

    private static long[] nonZero(long[] ids) {
        return Arrays.stream(ids).filter(i -> i != 0).toArray();
    }

    @Test
    void matchesReferenceIds() {
        requireVocabulary();
        assertThat(tokenizer.startOfText()).isEqualTo(49406);
        assertThat(tokenizer.endOfText()).isEqualTo(49407);
        assertThat(nonZero(tokenizer.tokenize("a photo of a cat", 77))).containsExactly(49406, 320, 1125, 539, 320,
                2368, 49407);
        assertThat(nonZero(tokenizer.tokenize("A photo of a bare soil in the scene", 77))).containsExactly(49406, 320,
                1125, 539, 320, 14318, 9216, 530, 518, 3562, 49407);
        assertThat(nonZero(tokenizer.tokenize("A photo of a Clutter/background in the scene", 77))).containsExactly(
                49406, 320, 1125, 539, 320, 40804, 270, 5994, 530, 518, 3562, 49407);
        assertThat(nonZero(tokenizer.tokenize("a satallite image of no-data", 77))).containsExactly(49406, 320, 1382,
                813, 802, 2867, 539, 871, 268, 2281, 49407);
        assertThat(nonZero(tokenizer.tokenize("tennis court's 12 ships!!", 77))).containsExactly(49406, 5298, 2908, 568,
                272, 273, 3262, 748, 49407);
        assertThat(nonZero(tokenizer.tokenize("It's 2024: Ünïcödé   &amp; spaces\t\n<|endoftext|>", 77)))
                .containsExactly(49406, 585, 568, 273, 271, 273, 275, 281, 6522, 77, 35689, 66, 7255, 67, 4166, 261,
                        9006, 49407, 49407);
        assertThat(nonZero(tokenizer.tokenize("ロボット 機械", 77))).containsExactly(49406, 35827, 2429, 250, 28902, 2429,
                486, 162, 102, 253, 162, 95, 364, 49407);
        assertThat(nonZero(tokenizer.tokenize("a photo of the large \uD83D\uDE97.", 77))).containsExactly(49406, 320,
                1125, 539, 518, 3638, 33054, 269, 49407);
        assertThat(nonZero(tokenizer.tokenize("&lt;b&gt; &#x41;&#66; &eacute;t&eacute;", 77))).containsExactly(49406,
                283, 321, 285, 3937, 3459, 39694, 49407);
    }

    @Test
    void matchesTheReferenceScriptsIds() throws Exception {
        requireVocabulary();
        Path dir = Path.of(BpeTokenizerTest.class.getResource("/reference/bpe_texts.txt").toURI()).getParent();
        java.util.List<String> texts = Files.readAllLines(dir.resolve("bpe_texts.txt"), java.nio.charset.StandardCharsets.UTF_8);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            long[] ids = io.ovrsis.api.testing.Tensors.readNpy(m, dir.resolve("bpe_ids.npy")).toLongArray();
            assertThat(ids).hasSize(texts.size() * 77);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(tokenizer.tokenize(texts.get(i), 77)).as(texts.get(i))
                        .containsExactly(Arrays.copyOfRange(ids, i * 77, (i + 1) * 77));
            }
        }
    }

    @Test
    void paddingAndLength() {
        requireVocabulary();
        long[] ids = tokenizer.tokenize("a photo of a cat", 77);
        assertThat(ids).hasSize(77);
        assertThat(Arrays.stream(ids, 7, 77)).containsOnly(0L);
        String longText = "ship ".repeat(76);
        assertThatThrownBy(() -> tokenizer.tokenize(longText, 77)).isInstanceOf(PromptTooLongException.class)
                .hasMessageContaining("78 tokens long");
        assertThat(tokenizer.tokenize("ship ".repeat(75), 77)[76]).isEqualTo(49407);
    }

    @Test
    void aTruncatedFileIsRejected(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("short.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
            out.write("header\na b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> BpeTokenizer.load(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("at least 48894 merge rules");
    }
}
