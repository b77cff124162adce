package io.ovrsis.plugins.dino;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.api.weights.StateDict;
import io.ovrsis.api.weights.StateDictReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixtures of tools/reference/dino_reference.py (src/test/resources/reference) and a
 * {@link StateDictReader} for tests. The runtime's reader cannot be a dependency of a plugin, so
 * this one reads the safetensors copy of the teacher checkpoint (dotted names such as
 * {@code teacher.module.backbone.cls_token}) and answers {@code entry} as the runtime does: the
 * names under {@code entry.}, or OVRSIS-WEIGHTS-MISSING when there are none. The {@code .pth}
 * fixtures are read by the runtime's reader in {@link DinoRuntimeReaderParityTest}.
 */
final class ReferenceFixtures {
    static final String TEACHER_SAFETENSORS = "dino_tiny_teacher.safetensors";

    private ReferenceFixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(ReferenceFixtures.class.getResource("/reference/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("fixture " + name + " is missing; run tools/reference/dino_reference.py", e);
        }
    }

    static NDArray npy(NDManager m, String name) throws IOException {
        return Tensors.readNpy(m, file(name + ".npy"));
    }

    /** Reads safetensors files; {@code entry} selects the names under {@code entry.}. */
    static StateDictReader reader() {
        return (path, entry, manager) -> {
            NDList list = NDList.decode(manager, Files.readAllBytes(path));
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (NDArray a : list) {
                tensors.put(a.getName(), a);
            }
            if (entry == null) {
                return new StateDict(path, tensors);
            }
            Map<String, NDArray> selected = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                if (e.getKey().startsWith(entry + ".")) {
                    selected.put(e.getKey().substring(entry.length() + 1), e.getValue());
                } else {
                    e.getValue().close();
                }
            }
            if (selected.isEmpty()) {
                throw new ComponentException("OVRSIS-WEIGHTS-MISSING", "", path + ": has no top-level entry '" + entry + "'");
            }
            return new StateDict(path, selected);
        };
    }
}
