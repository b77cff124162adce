package io.ovrsis.api.component;

import java.util.List;

/**
 * What {@code ovrsis plugins} prints about a component.
 *
 * @param description one line saying what the component is
 * @param pretrainedTags weight tags it can load ({@code clip-vit-b16.openai}); empty if none
 */
public record ComponentInfo(String description, List<String> pretrainedTags) {
    public ComponentInfo {
        pretrainedTags = List.copyOf(pretrainedTags);
    }

    public static ComponentInfo of(String description) {
        return new ComponentInfo(description, List.of());
    }
}
