package io.ovrsis.plugins.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyYamlWriterTest {
    private static final List<String> TRICKY = List.of(
            "demo-experiment", "Default", "0", "629684950234018886", "1e5", "1.5", ".5", "0x1F", "0755", "1_000", "12:30",
            "yes", "No", "on", "OFF", "true", "null", "~", "", "2024-01-01", "=", "<<", "it's", "'quoted'", "\"dq\"",
            "a: b", "a:b", "key #comment", "a#b", "#start", "- dash", "-dash", "? q", ":colon", "[list]", "{map}", "a, b",
            "&anchor", "*alias", "!tag", "|pipe", ">fold", "%pct", "@at", "`tick", " leading", "trailing ", "two  spaces",
            "ünïcödé ✓", "日本語の実験", "emoji 🚀", "---", "...", "a---", "file:///tmp/a%20b/mlruns/0", "tab\there", "bell\u0007",
            "multi\nline", "nbsp\u00a0x", "mlflow-artifacts:/0", "run name with spaces",
            ("a long experiment name with many words that goes well past the eighty column limit of PyYAML's emitter, "
                    + "so that it gets folded onto several lines by the dumper"),
            ("it's a long single quoted value: with colon-space, and it goes well past the eighty column limit of the emitter "
                    + "too, to fold"),
            "x".repeat(120));

    @Test
    void quotesWhatPyYamlQuotes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z_id", "0");
        m.put("a_none", null);
        m.put("b_int", 4);
        m.put("c_list", List.of());
        m.put("d_empty", "");
        m.put("e_plain", "file:///tmp/mlruns/0");
        m.put("f_bool", "yes");
        m.put("g_quote", "it's");
        m.put("h_map", Map.of());
        assertThat(PyYamlWriter.dump(m)).isEqualTo("a_none: null\nb_int: 4\nc_list: []\nd_empty: ''\n"
                + "e_plain: file:///tmp/mlruns/0\nf_bool: 'yes'\ng_quote: it's\nh_map: {}\nz_id: '0'\n");
    }

    @Test
    void matchesPyYamlSafeDump() throws IOException {
        assumeTrue(PythonCheck.available(), "/usr/bin/python3 with PyYAML not available");
        StringBuilder json = new StringBuilder("[");
        StringBuilder ours = new StringBuilder();
        for (String s : TRICKY) {
            if (s.contains("\n") || s.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
                continue; // documented: layout of strings with control characters may differ (same value)
            }
            json.append(json.length() > 1 ? ", " : "").append(json(s));
            ours.append(PyYamlWriter.dump(Map.of("name", s, "experiment_id", s))).append("---\n");
        }
        String python = PythonCheck.run("import sys, json, yaml\n"
                + "for s in json.loads(sys.stdin.read()):\n"
                + "    sys.stdout.write(yaml.safe_dump({'name': s, 'experiment_id': s}, default_flow_style=False,"
                + " allow_unicode=True) + '---\\n')\n", json.append("]").toString());
        assertThat(ours.toString()).isEqualTo(python);
    }

    @Test
    void everyValueReadsBackIdentically() throws IOException {
        for (String s : TRICKY) {
            if (s.equals("1e5")) {
                continue; // SnakeYAML (unlike PyYAML, which MLflow uses) reads a plain 1e5 as a float
            }
            java.nio.file.Path f = java.nio.file.Files.createTempFile("meta", ".yaml");
            try {
                java.nio.file.Files.writeString(f, PyYamlWriter.dump(Map.of("name", s)));
                assertThat(MlflowStoreReader.yaml(f).get("name")).as("value %s", s).isEqualTo(s);
            } finally {
                java.nio.file.Files.delete(f);
            }
        }
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp > 0x7e) {
                for (char c : Character.toChars(cp)) {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
