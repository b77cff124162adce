package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.lines;
import static io.ovrsis.runtime.config.Fixtures.load;
import static io.ovrsis.runtime.config.Fixtures.loadFails;
import static io.ovrsis.runtime.config.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final String BASE = "inherit/slots/base.yaml";

    @Test
    void valuesAreParsedAsYaml() {
        JsonNode tree = load(BASE, "a.int=5", "a.bool=true", "a.list=[0, 90]", "a.map={x: 1}", "a.quoted=\"5\"",
                "a.double=2e-4", "a.word=yes", "a.empty=", "a.id=clip-vit-b16", "a.spaced= hello world").tree();

        JsonNode a = tree.get("a");
        assertThat(a.get("int").isInt()).isTrue();
        assertThat(a.get("int").intValue()).isEqualTo(5);
        assertThat(a.get("bool").isBoolean()).isTrue();
        assertThat(a.get("list").toString()).isEqualTo("[0,90]");
        assertThat(a.get("map").toString()).isEqualTo("{\"x\":1}");
        assertThat(a.get("quoted").isTextual()).isTrue();
        assertThat(a.get("quoted").asText()).isEqualTo("5");
        assertThat(a.get("double").isDouble()).isTrue();
        assertThat(a.get("double").doubleValue()).isEqualTo(2e-4);
        assertThat(a.get("word").asText()).isEqualTo("yes");
        assertThat(a.get("empty").isNull()).isTrue();
        assertThat(a.get("id").asText()).isEqualTo("clip-vit-b16");
        assertThat(a.get("spaced").asText()).isEqualTo("hello world");
    }

    @Test
    void overridesApplyInOrderAndAreRecordedAsSetN() {
        LoadedExperiment experiment = load(BASE, "model.fusion.layers=5", "model.fusion.layers=6", "seed=3");

        assertThat(experiment.tree().at("/model/fusion/layers").asInt()).isEqualTo(6);
        assertThat(source(experiment, "model.fusion.layers")).isEqualTo("--set #2");
        assertThat(source(experiment, "seed")).isEqualTo("--set #3");
        assertThat(experiment.sources().get("seed")).get().isEqualTo(new Source.FromSet(3, "seed=3"));
        assertThat(source(experiment, "model.fusion.heads")).isEqualTo("inherit/slots/base.yaml:9:12");
    }

    @Test
    void missingIntermediateMapsAreCreated() {
        LoadedExperiment experiment = load(BASE, "eval.inference.slidingWindow=true");

        assertThat(experiment.tree().at("/eval/inference/slidingWindow").asBoolean()).isTrue();
        assertThat(source(experiment, "eval")).isEqualTo("--set #1");
        assertThat(source(experiment, "eval.inference")).isEqualTo("--set #1");
    }

    @Test
    void listIndicesSelectAndAppendItems() {
        LoadedExperiment experiment = load("yaml/positions.yaml", "eval.datasets[0].split=val",
                "model.imageEncoder.taps[1]=11", "eval.datasets[2]={component: potsdam}", "eval.datasets[3]=vaihingen");

        assertThat(experiment.tree().at("/eval/datasets/0").toString())
                .isEqualTo("{\"component\":\"dlrsd\",\"split\":\"val\"}");
        assertThat(source(experiment, "eval.datasets[0].split")).isEqualTo("--set #1");
        assertThat(source(experiment, "eval.datasets[0].component")).isEqualTo("yaml/positions.yaml:9:18");
        assertThat(experiment.tree().at("/model/imageEncoder/taps").toString()).isEqualTo("[3,11]");
        assertThat(experiment.tree().at("/eval/datasets").size()).isEqualTo(4);
        assertThat(experiment.tree().at("/eval/datasets/2/component").asText()).isEqualTo("potsdam");
        assertThat(source(experiment, "eval.datasets[2].component")).isEqualTo("--set #3");
        assertThat(experiment.tree().at("/eval/datasets/3").asText()).isEqualTo("vaihingen");
    }

    @Test
    void anIndexPastTheEndIsAnError() {
        ConfigException failure = loadFails("yaml/positions.yaml", "eval.datasets[5].split=val");

        assertThat(lines(failure)).containsExactly("OVRSIS-CONFIG-OVERRIDE --set #1 eval.datasets[5].split:"
                + " index [5] is out of range: the list has 2 item(s), so use [0] to [1], or [2] to append one");
    }

    @Test
    void settingAComponentResetsTheSlotToTheSetKeys() {
        LoadedExperiment experiment = load(BASE, "model.fusion.layers=6", "model.fusion.component=catseg",
                "model.fusion.depth=2");

        assertThat(experiment.tree().at("/model/fusion").toString())
                .isEqualTo("{\"component\":\"catseg\",\"layers\":6,\"depth\":2}");
        assertThat(experiment.sources().get("model.fusion.heads")).isEmpty();
        assertThat(source(experiment, "model.fusion.component")).isEqualTo("--set #2");
        assertThat(experiment.sources().notes().get("model.fusion")).isEqualTo("component \"catseg\" (--set #2)"
                + " replaced \"rsfusion\" (inherit/slots/base.yaml:7:16); only keys given with --set were kept");
    }

    @Test
    void settingTheSameComponentKeepsTheSlot() {
        LoadedExperiment experiment = load(BASE, "model.fusion.component=rsfusion");

        assertThat(experiment.tree().at("/model/fusion").toString())
                .isEqualTo("{\"component\":\"rsfusion\",\"layers\":3,\"heads\":4}");
        assertThat(experiment.sources().notes()).isEmpty();
    }

    @Test
    void aMapValueMergesAndFollowsTheSlotRule() {
        LoadedExperiment merged = load(BASE, "model.fusion={layers: 5}");
        LoadedExperiment swapped = load(BASE, "model.fusion={component: catseg, depth: 2}");

        assertThat(merged.tree().at("/model/fusion").toString())
                .isEqualTo("{\"component\":\"rsfusion\",\"layers\":5,\"heads\":4}");
        assertThat(source(merged, "model.fusion.heads")).isEqualTo("inherit/slots/base.yaml:9:12");
        assertThat(swapped.tree().at("/model/fusion").toString()).isEqualTo("{\"component\":\"catseg\",\"depth\":2}");
    }

    @Test
    void aListValueReplacesTheList() {
        LoadedExperiment experiment = load(BASE, "model.imageEncoder.taps=[11]");

        assertThat(experiment.tree().at("/model/imageEncoder/taps").toString()).isEqualTo("[11]");
        assertThat(experiment.sources().get("model.imageEncoder.taps[1]")).isEmpty();
        assertThat(source(experiment, "model.imageEncoder.taps[0]")).isEqualTo("--set #1");
    }

    @Test
    void malformedOverridesShowTheArgumentAndTheExpectedForm() {
        ConfigException failure = loadFails(BASE, "model.fusion.layers", "model..fusion=3", "a[x]=1", "=5",
                "model.fusion.layers=[3, 4");

        String expected = "Expected --set key.path=value, e.g. --set model.fusion.layers=5,"
                + " --set eval.datasets[0].split=test or --set model.aggregator.directions=[0, 90]";
        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-OVERRIDE --set #1 malformed override \"model.fusion.layers\" (there is no '='). "
                        + expected,
                "OVRSIS-CONFIG-OVERRIDE --set #2 malformed override \"model..fusion=3\" (bad key path"
                        + " \"model..fusion\": expected a key at position 7). " + expected,
                "OVRSIS-CONFIG-OVERRIDE --set #3 malformed override \"a[x]=1\" (bad key path \"a[x]\": expected a"
                        + " list index like [0] at position 2). " + expected,
                "OVRSIS-CONFIG-OVERRIDE --set #4 malformed override \"=5\" (bad key path \"\": the key path is"
                        + " empty). " + expected,
                "OVRSIS-CONFIG-OVERRIDE --set #5 model.fusion.layers: malformed override \"model.fusion.layers=[3, 4\""
                        + " (cannot read the value: YAML syntax error: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence that starts at line 1, column 1)). " + expected);
    }

    @Test
    void aPathThroughAScalarIsAnError() {
        ConfigException failure = loadFails(BASE, "model.fusion.layers.x=1", "model.imageEncoder[0]=a");

        assertThat(lines(failure)).containsExactly(
                "OVRSIS-CONFIG-OVERRIDE --set #1 model.fusion.layers.x: cannot set model.fusion.layers.x:"
                        + " model.fusion.layers is a number (from inherit/slots/base.yaml:8:13), not a map",
                "OVRSIS-CONFIG-OVERRIDE --set #2 model.imageEncoder[0]: cannot set model.imageEncoder[0]:"
                        + " model.imageEncoder is a map (from inherit/slots/base.yaml:2:3), not a list");
    }
}
