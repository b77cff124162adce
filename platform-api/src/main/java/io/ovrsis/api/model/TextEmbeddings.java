package io.ovrsis.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Text embeddings of a vocabulary: (T, P, D), L2-normalised over D; T class names, P templates.
 */
public record TextEmbeddings(NDArray embeddings, List<String> classNames, List<String> templates) {
    public TextEmbeddings {
        classNames = List.copyOf(classNames);
        templates = List.copyOf(templates);
    }

    public int classes() {
        return classNames.size();
    }
}
