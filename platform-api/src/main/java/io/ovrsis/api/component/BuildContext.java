package io.ovrsis.api.component;

import io.ovrsis.api.model.FeatureSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a factory may know when it builds a component (detectron2's {@code input_shape} idea).
 *
 * @param keyPath the config key of the component being built ({@code model.fusion})
 * @param projectDir the project root; relative paths in configs are resolved against it
 * @param encoders feature specs of the image encoders built so far, by source name
 *     ({@code imageEncoder} and each {@code auxEncoders} name)
 * @param textEmbeddingDim the text encoder's embedding size, if it was built already
 * @param seed the experiment seed
 * @param textTemplateCount prompt templates P per class of the text encoder (the P of its (T, P, D)
 *     embeddings), if it was built already
 */
public record BuildContext(
        String keyPath, Path projectDir, Map<String, FeatureSpec> encoders,
        Optional<Integer> textEmbeddingDim, long seed, Optional<Integer> textTemplateCount) {

    public BuildContext {
        encoders = Map.copyOf(encoders);
    }

    /** A context without a text encoder's template count (components built before it, tests). */
    public BuildContext(String keyPath, Path projectDir, Map<String, FeatureSpec> encoders,
                        Optional<Integer> textEmbeddingDim, long seed) {
        this(keyPath, projectDir, encoders, textEmbeddingDim, seed, Optional.empty());
    }

    /** The same context for another component. */
    public BuildContext forKey(String otherKeyPath) {
        return new BuildContext(otherKeyPath, projectDir, encoders, textEmbeddingDim, seed, textTemplateCount);
    }

    /** The spec of one encoder source, or a composition error naming the valid sources. */
    public FeatureSpec encoder(String source) {
        FeatureSpec spec = encoders.get(source);
        if (spec == null) {
            throw new ComponentException("OVRSIS-COMPOSE-MISMATCH", keyPath,
                    keyPath + " refers to image encoder \"" + source + "\", but the experiment has "
                            + (encoders.isEmpty() ? "none" : String.join(", ", encoders.keySet().stream().sorted().toList()))
                            + ". Add it under model.auxEncoders or refer to one of those.");
        }
        return spec;
    }
}
