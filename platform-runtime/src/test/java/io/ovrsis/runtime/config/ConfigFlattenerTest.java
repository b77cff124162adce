package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFlattenerTest {

    @Test
    void leavesBecomeSortedDottedParams() {
        Map<String, String> params = ConfigFlattener.flatten(load("print/exp.yaml", "seed=5").tree());

        assertThat(params).containsExactly(
                entry("eval.datasets.0.component", "dlrsd"),
                entry("eval.datasets.0.split", "test"),
                entry("eval.datasets.1", "isaid"),
                entry("model.fusion.component", "catseg"),
                entry("model.fusion.depth", "2"),
                entry("model.imageEncoder.component", "clip-vit-b16"),
                entry("model.imageEncoder.taps", "[3, 7]"),
                entry("seed", "5"),
                entry("tracking.empty", ""),
                entry("tracking.experiment", "yes"),
                entry("tracking.list.0", "[1, 2]"),
                entry("tracking.list.1.a", "x"),
                entry("tracking.map", "{}"),
                entry("tracking.note", "a: b # c"),
                entry("tracking.nothing", "null"),
                entry("tracking.odd key", "1.0e+20"),
                entry("tracking.uri", "http://localhost:5000"),
                entry("train.lr", "2.0e-4"));
    }

    @Test
    void longKeysAndValuesAreCutToMlflowLimits() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ObjectNode deep = tree.putObject("a".repeat(200));
        deep.put("b".repeat(100), "short");
        deep.put("c".repeat(100), "x".repeat(7000));
        deep.put("weird[key]", 1);

        Map<String, String> params = ConfigFlattener.flatten(tree);

        assertThat(params).hasSize(3);
        assertThat(params.keySet()).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(250))
                .allSatisfy(key -> assertThat(key).matches("[A-Za-z0-9_./ -]+"))
                .doesNotHaveDuplicates();
        String longValue = params.entrySet().stream().filter(e -> e.getKey().startsWith("a".repeat(200) + ".ccc"))
                .findFirst().orElseThrow().getValue();
        assertThat(longValue).hasSize(6000).startsWith("xxx").endsWith(ConfigFlattener.TRUNCATION_MARKER);
        assertThat(params).containsEntry("a".repeat(200) + ".weird_key_", "1");
        assertThat(ConfigFlattener.key("k".repeat(300))).hasSize(250)
                .isNotEqualTo(ConfigFlattener.key("k".repeat(299) + "j"));
    }
}
