package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.lines;
import static io.ovrsis.runtime.config.Fixtures.load;
import static io.ovrsis.runtime.config.Fixtures.loadFails;
import static io.ovrsis.runtime.config.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.junit.jupiter.api.Test;

class YamlReadingTest {

    @Test
    void everyValueHasItsOneBasedLineAndColumn() {
        LoadedExperiment experiment = load("yaml/positions.yaml");

        assertThat(source(experiment, "")).isEqualTo("yaml/positions.yaml");
        assertThat(source(experiment, "seed")).isEqualTo("yaml/positions.yaml:1:7");
        assertThat(source(experiment, "model.fusion")).isEqualTo("yaml/positions.yaml:3:3");
        assertThat(source(experiment, "model.fusion.component")).isEqualTo("yaml/positions.yaml:3:24");
        assertThat(source(experiment, "model.fusion.layers")).isEqualTo("yaml/positions.yaml:3:42");
        assertThat(source(experiment, "model.imageEncoder.component")).isEqualTo("yaml/positions.yaml:5:16");
        assertThat(source(experiment, "model.imageEncoder.taps[1]")).isEqualTo("yaml/positions.yaml:6:15");
        assertThat(source(experiment, "eval.datasets[0].component")).isEqualTo("yaml/positions.yaml:9:18");
        assertThat(source(experiment, "eval.datasets[0].split")).isEqualTo("yaml/positions.yaml:10:14");
        assertThat(source(experiment, "eval.datasets[1]")).isEqualTo("yaml/positions.yaml:11:7");
        assertThat(experiment.sources().entries()).hasSize(17);
    }

    @Test
    void scalarsFollowTheConfigRules() {
        JsonNode tree = load("yaml/scalars.yaml").tree();

        assertThat(tree.get("lr").getNodeType()).isEqualTo(JsonNodeType.NUMBER);
        assertThat(tree.get("lr").isDouble()).isTrue();
        assertThat(tree.get("lr").doubleValue()).isEqualTo(2e-4);
        assertThat(tree.get("big").doubleValue()).isEqualTo(100000.0);
        assertThat(tree.get("plainDouble").doubleValue()).isEqualTo(0.5);
        assertThat(tree.get("int").isInt()).isTrue();
        assertThat(tree.get("long").longValue()).isEqualTo(12345678901234L);
        assertThat(tree.get("yes").isTextual()).isTrue();
        assertThat(tree.get("yes").asText()).isEqualTo("yes");
        assertThat(tree.get("no").asText()).isEqualTo("no");
        assertThat(tree.get("on").asText()).isEqualTo("on");
        assertThat(tree.get("off").isTextual()).isTrue();
        assertThat(tree.get("bool").isBoolean()).isTrue();
        assertThat(tree.get("quotedNumber").isTextual()).isTrue();
        assertThat(tree.get("quotedDouble").asText()).isEqualTo("2e-4");
        assertThat(tree.get("quotedDouble").isTextual()).isTrue();
        assertThat(tree.get("empty").isNull()).isTrue();
        assertThat(tree.get("quotedEmpty").isTextual()).isTrue();
        assertThat(tree.get("tilde").isNull()).isTrue();
        assertThat(tree.get("strTag").asText()).isEqualTo("12");
        assertThat(tree.get("strTag").isTextual()).isTrue();
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondKey() {
        ConfigException failure = loadFails("yaml/duplicate.yaml");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-DUPLICATE-KEY yaml/duplicate.yaml:5:5 model.fusion.layers: duplicate key \"layers\";"
                        + " it is already set at line 3. Keep only one of them",
                "OVRSIS-CONFIG-DUPLICATE-KEY yaml/duplicate.yaml:7:1 seed: duplicate key \"seed\";"
                        + " it is already set at line 6. Keep only one of them");
    }

    @Test
    void anchorsAndAliasesAreRejectedInFavourOfExtends() {
        ConfigException failure = loadFails("yaml/anchors.yaml");

        assertThat(failure.errors()).extracting(ConfigError::code).containsOnly("OVRSIS-CONFIG-YAML-ANCHOR");
        assertThat(lines(failure)).hasSize(2);
        assertThat(lines(failure).get(0)).startsWith("OVRSIS-CONFIG-YAML-ANCHOR yaml/anchors.yaml:1:")
                .contains("shared: YAML anchors (&common) are not supported").contains("extends");
        assertThat(lines(failure).get(1)).startsWith("OVRSIS-CONFIG-YAML-ANCHOR yaml/anchors.yaml:4:11 model.fusion:")
                .contains("YAML aliases (*common) are not supported").contains("extends");
    }

    @Test
    void mergeKeysAreRejectedInFavourOfExtends() {
        ConfigException failure = loadFails("yaml/merge-key.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-YAML-ANCHOR yaml/merge-key.yaml:3:5 model.fusion:"
                + " YAML merge keys (<<) are not supported; put the shared settings in a file and inherit them"
                + " with extends: [that-file.yaml]");
    }

    @Test
    void onlyOneDocumentPerFile() {
        ConfigException failure = loadFails("yaml/multi-doc.yaml");

        assertThat(lines(failure)).singleElement().asString()
                .startsWith("OVRSIS-CONFIG-YAML yaml/multi-doc.yaml:")
                .contains("only one YAML document is allowed per file");
    }

    @Test
    void syntaxErrorsPointAtTheProblem() {
        ConfigException failure = loadFails("yaml/syntax.yaml");

        assertThat(lines(failure)).singleElement().asString()
                .startsWith("OVRSIS-CONFIG-YAML yaml/syntax.yaml:2:")
                .contains("YAML syntax error: expected ',' or ']'");
    }

    @Test
    void emptyFileIsAnEmptyExperiment() {
        assertThat(load("yaml/empty.yaml").tree().isEmpty()).isTrue();
    }

    @Test
    void topLevelMustBeAMap() {
        ConfigException failure = loadFails("yaml/not-a-map.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-YAML yaml/not-a-map.yaml the top level of a config"
                + " file must be a map of keys (seed:, model:, ...), not a list");
    }

    @Test
    void tagsOtherThanStrAreRejected() {
        ConfigException failure = loadFails("yaml/tag.yaml");

        assertThat(lines(failure)).singleElement().asString()
                .startsWith("OVRSIS-CONFIG-YAML yaml/tag.yaml:1:7 seed: YAML tags (");
    }

    @Test
    void missingExperimentFileIsAFileError() {
        ConfigException failure = loadFails("yaml/nope.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-FILE yaml/nope.yaml the experiment file does not exist");
    }
}
