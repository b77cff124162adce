package io.ovrsis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every experiment file shipped in {@code experiments/} validates against the real plugins, and
 * every parameter count claimed in a file's header ({@code Parameters: X total / Y trainable}) is
 * what {@code ovrsis params} prints: the authors' counts of method.md §14.9 for the paper rows.
 */
class ShippedExperimentsIT {
    private static final Pattern CLAIM = Pattern.compile("Parameters: ([0-9,]+) total / ([0-9,]+) trainable");
    private static final Pattern TOTAL = Pattern.compile("(?m)^total\\s+([0-9,]+)\\s+([0-9,]+)\\s*$");

    private static Path project() {
        return CliRunner.project();
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> s = Files.list(project().resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentValidatesAndHasTheCountsItClaims() throws IOException {
        List<Path> all = new ArrayList<>(files("experiments/paper"));
        all.addAll(files("experiments/ablations"));
        all.addAll(files("experiments/checks"));
        all.add(project().resolve("experiments/demo.yaml"));
        assertThat(all).hasSizeGreaterThan(21);
        return all.stream().map(file -> DynamicTest.dynamicTest(project().relativize(file).toString(), () -> {
            CliRunner.Result validate = CliRunner.ovrsis("validate", file.toString());
            assertThat(validate.code()).as(validate.err()).isZero();
            Matcher claim = CLAIM.matcher(Files.readString(file));
            if (claim.find()) {
                CliRunner.Result params = CliRunner.ovrsis("params", file.toString());
                assertThat(params.code()).as(params.err()).isZero();
                Matcher total = TOTAL.matcher(params.out());
                assertThat(total.find()).as(params.out()).isTrue();
                assertThat(total.group(1)).as("total of " + file.getFileName()).isEqualTo(claim.group(1));
                assertThat(total.group(2)).as("trainable of " + file.getFileName()).isEqualTo(claim.group(2));
            }
        }));
    }
}
