package io.ovrsis.plugins.clip;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
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
 * The fixtures of tools/reference/clip_reference.py (src/test/resources/reference) and a
 * {@link StateDictReader} for tests. The runtime's reader cannot be a dependency of a plugin, so
 * this one reads what DJL reads itself: TorchScript archives (parameters only, as stored, fp16
 * included) and safetensors. The RemoteCLIP {@code torch.save} fixtures (zip and legacy) hold the
 * same tensors as the safetensors file and are there for the runtime's reader.
 */
final class ReferenceFixtures {
    /** The tiny OpenAI-style architecture of the fixtures (see the script's docstring). */
    static final int CONTEXT = 56;
    static final int VOCAB = 260;

    private ReferenceFixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(ReferenceFixtures.class.getResource("/reference/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("fixture " + name + " is missing; run tools/reference/clip_reference.py", e);
        }
    }

    static NDArray npy(NDManager m, String name) throws IOException {
        return Tensors.readNpy(m, file(name + ".npy"));
    }

    /** Reads TorchScript archives with DJL and safetensors files with {@link NDList#decode}. */
    static StateDictReader reader() {
        return (path, entry, manager) -> {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            if (path.toString().endsWith(".safetensors")) {
                NDList list = NDList.decode(manager, Files.readAllBytes(path));
                for (NDArray a : list) {
                    tensors.put(a.getName(), a);
                }
                return new StateDict(path, tensors);
            }
            try (Model model = Model.newInstance("fixture", "PyTorch")) {
                model.load(path, null, Map.of("mapLocation", "true"));
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    NDArray copy = p.getValue().getArray().duplicate();
                    copy.attach(manager);
                    tensors.put(p.getKey(), copy);
                }
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException(e);
            }
            return new StateDict(path, tensors);
        };
    }

    static ClipImageEncoderConfig openAiImage(int inputSize, boolean dense, String weights) {
        return new ClipImageEncoderConfig(32, 3, 4, 8, 4, 16, inputSize, java.util.List.of(0, 1), dense, true,
                Finetune.ATTENTION, 0.01, weights, WeightsFormat.OPENAI, null);
    }

    static ClipTextEncoderConfig openAiText(PromptTemplateSet templates, String weights) {
        return new ClipTextEncoderConfig(32, 2, 4, 16, CONTEXT, VOCAB, TokenizerKind.BYTES,
                ClipTextEncoderFactory.VOCAB, templates, Finetune.ATTENTION, 0.01, weights, WeightsFormat.OPENAI);
    }

    static ClipImageEncoderConfig remoteImage(String weights) {
        return new ClipImageEncoderConfig(16, 3, 2, 8, 4, 8, 48, java.util.List.of(0, 1), true, true,
                Finetune.FROZEN, 0.01, weights, WeightsFormat.REMOTECLIP, null);
    }

    static ClipTextEncoderConfig remoteText(String weights) {
        return new ClipTextEncoderConfig(16, 2, 2, 8, CONTEXT, VOCAB, TokenizerKind.BYTES, ClipTextEncoderFactory.VOCAB,
                PromptTemplateSet.SINGLE, Finetune.FROZEN, 0.01, weights, WeightsFormat.REMOTECLIP);
    }
}
