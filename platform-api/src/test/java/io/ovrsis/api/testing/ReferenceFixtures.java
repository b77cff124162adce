package io.ovrsis.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reference fixtures of a module's tests in {@code src/test/resources/reference/}, as the scripts in
 * {@code tools/reference/} write them: {@code weights/<PyTorch key>.npy}, inputs and reference outputs.
 */
public final class ReferenceFixtures {
    public static final Path DIR = Path.of("src", "test", "resources", "reference");

    private ReferenceFixtures() {
    }

    public static NDArray read(NDManager m, String name) {
        try {
            return Tensors.readNpy(m, DIR.resolve(name + ".npy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reference weight file, by key. */
    public static Set<String> weightKeys() {
        try (Stream<Path> files = Files.list(DIR.resolve("weights"))) {
            return files.map(f -> f.getFileName().toString().replaceAll("\\.npy$", "")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Initialises the module and loads every parameter from its reference file (by key). */
    public static void load(TensorModule module, NDManager m) {
        module.initialize(m, 0);
        for (Map.Entry<String, Param> e : module.namedParameters().entrySet()) {
            e.getValue().load(read(m, "weights/" + e.getKey()));
        }
    }

    public static void assertNamesMatchReference(TensorModule module) {
        assertThat(module.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(weightKeys());
    }
}
