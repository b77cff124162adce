package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ovrsis.plugins.clip.text.PromptTemplates;
import java.util.List;

/** The prompt template sets of method.md §1.2 (the authors' {@code PROMPT_ENSEMBLE_TYPE}). */
public enum PromptTemplateSet {
    /** {@code A photo of a {} in the scene} (released configs; P = 1). */
    @JsonProperty("single")
    SINGLE(PromptTemplates.SINGLE),
    /** The 8 remote-sensing templates ({@code RS_TEMPLATES}). */
    @JsonProperty("rs")
    RS(PromptTemplates.REMOTE_SENSING),
    /** The 8 selected ImageNet templates ({@code IMAGENET_TEMPLATES_SELECT}). */
    @JsonProperty("imagenet_select")
    IMAGENET_SELECT(PromptTemplates.IMAGENET_SELECT),
    /** OpenAI's 80 ImageNet templates. */
    @JsonProperty("imagenet")
    IMAGENET(PromptTemplates.IMAGENET),
    /**
     * The bare class name ({@code {}}), not a set of the paper: for text towers trained from scratch,
     * where a shared sentence around the name makes every class's embedding nearly the same at first.
     */
    @JsonProperty("name")
    NAME(List.of("{}"));

    private final List<String> templates;

    PromptTemplateSet(List<String> templates) {
        this.templates = templates;
    }

    public List<String> templates() {
        return templates;
    }
}
