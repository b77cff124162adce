package io.ovrsis.api.model;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** A text tower with its tokenizer and prompt templates. */
public interface TextEncoder extends ModelComponent {

    int embeddingDim();

    /** The prompt templates used, each with one {@code {}} for the class name. */
    List<String> templates();

    /**
     * Encodes every (class, template) pair.
     *
     * @return (T, P, D), L2-normalised; arrays attached to {@code manager}
     */
    TextEmbeddings encode(List<String> classNames, NDManager manager, boolean training);
}
