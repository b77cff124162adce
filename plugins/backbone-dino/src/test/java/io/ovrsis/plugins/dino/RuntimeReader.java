package io.ovrsis.plugins.dino;

import io.ovrsis.api.weights.StateDictReader;
import org.junit.jupiter.api.Assumptions;

/**
 * The runtime's {@code TorchCheckpointReader} when its classes are on the test class path, else the
 * calling test is skipped. A plugin cannot depend on the runtime; add it for a run with
 * <pre>
 * mvnw -o test -Dtest=DinoRuntimeReaderParityTest \
 *   -Dmaven.test.additionalClasspath=../../platform-runtime/target/classes,$HOME/.m2/repository/net/razorvine/pickle/1.5/pickle-1.5.jar
 * </pre>
 */
final class RuntimeReader {
    private RuntimeReader() {
    }

    static StateDictReader orSkip() {
        try {
            return (StateDictReader) Class.forName("io.ovrsis.runtime.weights.TorchCheckpointReader")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Assumptions.abort("the runtime's TorchCheckpointReader is not on the test class path (" + e + ")");
            return null;
        }
    }
}
