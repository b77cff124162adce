package io.ovrsis.plugins.clip.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CLIP BPE ids of every class name of the eight OVRSISBench datasets in the {@code single} template
 * ("A photo of a {} in the scene") and of edge cases (punctuation, '/', '-', whitespace runs,
 * non-ASCII, HTML entities, characters that ftfy rewrites) against {@code bpe_cases.npy}, written by
 * tools/reference/clip_reference.py with OpenAI's tokenizer rules and, when it was importable, real
 * ftfy ({@code bpe_cases.json} records which). Needs the shared vocabulary file (see
 * {@link BpeTokenizerTest#vocabFile()}); each case is skipped with a message when it is absent.
 */
class BpeReferenceCasesTest {
    private static final Path DIR = Path.of("src", "test", "resources", "reference");

    record Case(String group, String name, String text, long[] ids) {
    }

    private static List<Case> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(DIR.resolve("bpe_cases.json").toFile());
        JsonNode rows = doc.get("rows");
        long[] ids;
        try (NDManager m = NDManager.newBaseManager()) {
            ids = Tensors.readNpy(m, DIR.resolve("bpe_cases.npy")).toLongArray();
        }
        assertThat(ids).hasSize(rows.size() * 77);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            out.add(new Case(r.get("group").asText(), r.get("name").asText(), r.get("text").asText(),
                    Arrays.copyOfRange(ids, i * 77, (i + 1) * 77)));
        }
        return out;
    }

    private static BpeTokenizer tokenizer;

    @BeforeAll
    static void loadVocabulary() throws IOException {
        if (Files.isRegularFile(BpeTokenizerTest.vocabFile())) {
            tokenizer = BpeTokenizer.load(BpeTokenizerTest.vocabFile());
        }
    }

    static Stream<Arguments> referenceCases() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.group(), printable(c.text()), c));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("referenceCases")
    void matchesTheReferenceIds(String group, String text, Case c) {
        Assumptions.assumeTrue(tokenizer != null, "CLIP vocabulary not found at "
                + BpeTokenizerTest.vocabFile().toAbsolutePath() + " (set -Dovrsis.clip.vocab=...); BPE reference case"
                + " skipped");
        assertThat(tokenizer.tokenize(c.text(), 77)).as(text).containsExactly(c.ids());
    }

    /** The fixture covers what the test claims: all eight datasets (72 names) and every edge-case group. */
    @Test
    void theReferenceCoversTheEightDatasetsAndTheEdgeCaseGroups() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(DIR.resolve("bpe_cases.json").toFile());
        assertThat(doc.get("template").asText()).isEqualTo("A photo of a {} in the scene");
        List<Case> cases = cases();
        Set<String> groups = new LinkedHashSet<>();
        cases.forEach(c -> groups.add(c.group()));
        assertThat(groups).containsExactly("DLRSD", "iSAID", "Potsdam", "Vaihingen", "LoveDA", "UAVid", "UDD5", "VDD",
                "punctuation", "slash", "hyphen", "whitespace", "case_digits", "non_ascii", "html", "ftfy");
        assertThat(cases.stream().filter(c -> c.group().equals("DLRSD")).count()).isEqualTo(17);
        assertThat(cases.stream().filter(c -> c.group().equals("iSAID")).count()).isEqualTo(15);
        assertThat(cases.stream().filter(c -> c.text().startsWith("A photo of a ")).count()).isEqualTo(72);
        assertThat(cases.stream().filter(c -> c.text().equals("A photo of a Clutter/background in the scene")).count())
                .isEqualTo(2);
        for (Case c : cases) {
            assertThat(c.ids()[0]).as(c.text()).isEqualTo(49406);
        }
    }

    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
