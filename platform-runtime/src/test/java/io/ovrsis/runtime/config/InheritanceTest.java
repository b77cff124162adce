package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.lines;
import static io.ovrsis.runtime.config.Fixtures.load;
import static io.ovrsis.runtime.config.Fixtures.loadFails;
import static io.ovrsis.runtime.config.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InheritanceTest {

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void basesMergeLeftToRightAndTheChildGoesOnTop() {
        LoadedExperiment experiment = load("inherit/order.yaml");
        JsonNode tree = experiment.tree();

        assertThat(keys(tree)).containsExactly("model", "train");
        assertThat(keys(tree.get("model"))).containsExactly("imageEncoder", "fusion", "decoder");
        assertThat(tree.at("/model/fusion/layers").asInt()).isEqualTo(5);
        assertThat(tree.at("/model/fusion/component").asText()).isEqualTo("rsfusion");
        assertThat(tree.has("extends")).isFalse();
        assertThat(source(experiment, "model.fusion.layers")).isEqualTo("inherit/order.yaml:3:20");
        assertThat(source(experiment, "model.fusion.component")).isEqualTo("inherit/base-model.yaml:3:23");
        assertThat(source(experiment, "model.decoder.component")).isEqualTo("inherit/base-train.yaml:4:24");
        assertThat(source(experiment, "train.iterations")).isEqualTo("inherit/base-train.yaml:2:15");
        assertThat(source(experiment, "")).isEqualTo("inherit/order.yaml");
        assertThat(experiment.sources().entries()).doesNotContainKey("extends");
    }

    @Test
    void extendsMayBeASinglePath() {
        LoadedExperiment experiment = load("inherit/single.yaml");

        assertThat(experiment.tree().at("/train/iterations").asInt()).isEqualTo(100);
        assertThat(experiment.tree().get("seed").asInt()).isEqualTo(4);
    }

    @Test
    void pathsAreRelativeToTheIncludingFile() {
        LoadedExperiment experiment = load("inherit/relative/leaf.yaml");

        assertThat(experiment.tree().get("seed").asInt()).isEqualTo(3);
        assertThat(source(experiment, "seed")).isEqualTo("inherit/fragments/sub/inner.yaml:1:7");
        assertThat(source(experiment, "model.fusion.component")).isEqualTo("inherit/fragments/frag.yaml:2:29");
        assertThat(experiment.tree().at("/data/cropSize").asInt()).isEqualTo(512);
    }

    @Test
    void threeLevelsOfExtendsAreAllowed() {
        JsonNode tree = load("inherit/depth/ok0.yaml").tree();

        assertThat(keys(tree)).containsExactlyInAnyOrder("level0", "level1", "level2", "level3");
    }

    @Test
    void aFourthLevelIsAnErrorShowingTheChain() {
        ConfigException failure = loadFails("inherit/depth/deep0.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-EXTENDS inherit/depth/deep3.yaml:1:10 extends:"
                + " extends is nested more than 3 levels deep: inherit/depth/deep0.yaml -> inherit/depth/deep1.yaml"
                + " -> inherit/depth/deep2.yaml -> inherit/depth/deep3.yaml -> inherit/depth/deep4.yaml."
                + " Flatten the chain, e.g. by listing several bases in one extends list");
    }

    @Test
    void aCycleIsAnErrorListingTheChain() {
        ConfigException failure = loadFails("inherit/cycle/a.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-EXTENDS inherit/cycle/b.yaml:1:10 extends:"
                + " extends cycle: inherit/cycle/a.yaml -> inherit/cycle/b.yaml -> inherit/cycle/a.yaml."
                + " Remove one of these extends entries");
    }

    @Test
    void aFileExtendingItselfIsACycle() {
        ConfigException failure = loadFails("inherit/cycle/self.yaml");

        assertThat(lines(failure)).singleElement().asString()
                .startsWith("OVRSIS-CONFIG-EXTENDS inherit/cycle/self.yaml:1:11 extends: extends cycle:"
                        + " inherit/cycle/self.yaml -> inherit/cycle/self.yaml");
    }

    @Test
    void theSameLeafFromTwoBasesIsAnErrorNamingBothFilesAndLines() {
        ConfigException failure = loadFails("inherit/conflict/child.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-BASE-CONFLICT inherit/conflict/child.yaml:1:1"
                + " train.lr: set by two bases: inherit/conflict/left.yaml:2:7 (1.0e-4) and"
                + " inherit/conflict/right.yaml:3:7 (3.0e-4). Set it in inherit/conflict/child.yaml to choose,"
                + " or remove it from one of the bases");
    }

    @Test
    void theIncludingFileSettlesAConflictBySettingTheKey() {
        LoadedExperiment experiment = load("inherit/conflict/settled.yaml");

        assertThat(experiment.tree().at("/train/lr").doubleValue()).isEqualTo(2e-4);
        assertThat(source(experiment, "train.lr")).isEqualTo("inherit/conflict/settled.yaml:3:7");
        assertThat(experiment.tree().at("/train/iterations").asInt()).isEqualTo(10);
        assertThat(experiment.tree().at("/train/warmupIters").asInt()).isEqualTo(5);
    }

    @Test
    void anOverrideSettlesAConflictToo() {
        LoadedExperiment experiment = load("inherit/conflict/child.yaml", "train.lr=5e-4");

        assertThat(experiment.tree().at("/train/lr").doubleValue()).isEqualTo(5e-4);
        assertThat(source(experiment, "train.lr")).isEqualTo("--set #1");
    }

    @Test
    void aValueInheritedFromOneCommonBaseIsNoConflict() {
        LoadedExperiment experiment = load("inherit/diamond/leaf.yaml");

        assertThat(experiment.tree().at("/train/lr").doubleValue()).isEqualTo(1e-4);
        assertThat(source(experiment, "train.lr")).isEqualTo("inherit/diamond/common.yaml:2:7");
        assertThat(experiment.tree().get("seed").asInt()).isEqualTo(1);
        assertThat(experiment.tree().at("/data/cropSize").asInt()).isEqualTo(512);
    }

    @Test
    void aChangedComponentReplacesTheWholeSlot() {
        LoadedExperiment experiment = load("inherit/slots/swap.yaml");

        assertThat(experiment.tree().at("/model/fusion").toString()).isEqualTo("{\"component\":\"catseg\",\"depth\":2}");
        assertThat(experiment.sources().get("model.fusion.layers")).isEmpty();
        assertThat(experiment.sources().get("model.fusion.heads")).isEmpty();
        assertThat(source(experiment, "model.fusion.component")).isEqualTo("inherit/slots/swap.yaml:4:16");
        assertThat(experiment.sources().notes()).containsOnlyKeys("model.fusion");
        assertThat(experiment.sources().notes().get("model.fusion")).isEqualTo("component \"catseg\""
                + " (inherit/slots/swap.yaml:4:16) replaced \"rsfusion\" (inherit/slots/base.yaml:7:16) and all of its keys");
        assertThat(experiment.tree().at("/model/imageEncoder/pretrained").asText()).isEqualTo("clip-vit-b16.openai");
    }

    @Test
    void theSameComponentMergesKeyByKeyAndListsReplace() {
        LoadedExperiment experiment = load("inherit/slots/same.yaml");

        assertThat(experiment.tree().at("/model/fusion").toString())
                .isEqualTo("{\"component\":\"rsfusion\",\"layers\":5,\"heads\":4}");
        assertThat(source(experiment, "model.fusion.heads")).isEqualTo("inherit/slots/base.yaml:9:12");
        assertThat(experiment.tree().at("/model/imageEncoder/taps").toString()).isEqualTo("[11]");
        assertThat(source(experiment, "model.imageEncoder.taps[0]")).isEqualTo("inherit/slots/same.yaml:4:25");
        assertThat(experiment.sources().get("model.imageEncoder.taps[1]")).isEmpty();
        assertThat(experiment.sources().notes()).isEmpty();
    }

    @Test
    void aMissingBaseIsReportedWithASuggestion() {
        ConfigException failure = loadFails("inherit/missing/child.yaml");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-EXTENDS inherit/missing/child.yaml:1:10 extends:"
                + " base file inherit/slots/bse.yaml does not exist (\"../slots/bse.yaml\" is relative to the"
                + " including file). Did you mean \"base.yaml\"?");
    }

    @Test
    void extendsMustBePathsInsideTheProject() {
        assertThat(lines(loadFails("inherit/bad-extends.yaml"))).containsExactly("OVRSIS-CONFIG-EXTENDS"
                + " inherit/bad-extends.yaml:1:10 extends: extends must be a file path or a list of file paths,"
                + " e.g. extends: [../configs/models/m.yaml], not a number");
        assertThat(lines(loadFails("inherit/bad-extends-item.yaml"))).containsExactly("OVRSIS-CONFIG-EXTENDS"
                + " inherit/bad-extends-item.yaml:1:28 extends[1]: expected a file path, got number");
        assertThat(lines(loadFails("inherit/url-extends.yaml"))).containsExactly("OVRSIS-CONFIG-EXTENDS"
                + " inherit/url-extends.yaml:1:10 extends: \"https://example.org/base.yaml\" is not a file path;"
                + " extends takes YAML file paths relative to the including file");
    }

    @Test
    void aBaseOutsideTheProjectRootIsRefused(@TempDir Path temp) throws IOException {
        Path project = Files.createDirectories(temp.resolve("project/experiments"));
        Files.writeString(temp.resolve("outside.yaml"), "seed: 1\n");
        Files.writeString(project.resolve("x.yaml"), "extends: ../../outside.yaml\n");

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ExperimentLoader(temp.resolve("project")).load(project.resolve("x.yaml"), List.of()));

        assertThat(lines(failure)).singleElement().asString()
                .startsWith("OVRSIS-CONFIG-EXTENDS experiments/x.yaml:1:10 extends: \"../../outside.yaml\" resolves to ")
                .contains("outside the project root").endsWith("bases must live inside the project (configs/, experiments/)");
    }
}
