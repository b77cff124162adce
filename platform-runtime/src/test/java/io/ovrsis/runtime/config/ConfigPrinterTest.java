package io.ovrsis.runtime.config;

import static io.ovrsis.runtime.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrinterTest {

    @Test
    void everyValueShowsWhereItWasSet() {
        LoadedExperiment experiment = load("print/base.yaml", "train.iterations=200", "model.fusion.component=catseg");

        assertThat(ConfigPrinter.print(experiment)).isEqualTo("""
                # print/base.yaml, resolved. Each value shows where it was set; keys not shown
                # take the defaults of their component or of the platform.
                model:                       # print/base.yaml:1
                  imageEncoder:              # print/base.yaml:2
                    component: clip-vit-b16  # print/base.yaml:2
                    taps: [3, 7]             # print/base.yaml:2
                  # component "catseg" (--set #2) replaced "rsfusion" (print/base.yaml:3:23); only keys given with --set were kept
                  fusion:                    # print/base.yaml:3
                    component: catseg        # --set #2
                train:                       # print/base.yaml:4
                  lr: 2.0e-4                 # print/base.yaml:5
                  iterations: 200            # --set #1
                """);
    }

    @Test
    void listsOfMapsAndAwkwardStringsAreWrittenAsValidYaml() {
        String printed = ConfigPrinter.print(load("print/exp.yaml").tree());

        assertThat(printed).contains("""
                eval:
                  datasets:
                    - component: dlrsd
                      split: test
                    - isaid
                """).contains("""
                  experiment: "yes"
                  uri: "http://localhost:5000"
                  note: "a: b # c"
                  empty: ""
                  nothing: null
                  map: {}
                  odd key: 1.0e+20
                  list:
                    - [1, 2]
                    - a: x
                """).doesNotContain("#  ");
    }

    @Test
    void thePrintedConfigReadsBackToTheSameTree(@TempDir Path temp) throws IOException {
        LoadedExperiment experiment = load("print/exp.yaml", "train.iterations=200", "model.imageEncoder.taps=[]",
                "tracking.quote=\"say \\\"hi\\\"\\n\"", "tracking.number=\"007\"", "tracking.flag=\"true\"");
        Files.writeString(temp.resolve("with-comments.yaml"), ConfigPrinter.print(experiment));
        Files.writeString(temp.resolve("plain.yaml"), ConfigPrinter.print(experiment.tree()));

        ExperimentLoader loader = new ExperimentLoader(temp);
        assertThat(loader.load(temp.resolve("with-comments.yaml"), List.of()).tree()).isEqualTo(experiment.tree());
        assertThat(loader.load(temp.resolve("plain.yaml"), List.of()).tree()).isEqualTo(experiment.tree());
        assertThat(experiment.tree().at("/tracking/quote").asText()).isEqualTo("say \"hi\"\n");
        assertThat(experiment.tree().at("/tracking/number").isTextual()).isTrue();
    }
}
