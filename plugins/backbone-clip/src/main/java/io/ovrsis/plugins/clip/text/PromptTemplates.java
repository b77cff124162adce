package io.ovrsis.plugins.clip.text;

import java.util.List;

/**
 * Prompt templates of RSKT-Seg ({@code RSKT_Seg/third_party/imagenet_templates.py} and the
 * predictor, method.md §1.2), each with one {@code {}} for the class name. The ImageNet set is the 80
 * templates of OpenAI's CLIP prompt-engineering notebook, in its order.
 */
public final class PromptTemplates {
    /** {@code PROMPT_ENSEMBLE_TYPE: "single"}, the released configs. */
    public static final List<String> SINGLE = List.of("A photo of a {} in the scene");

    /** {@code RS_TEMPLATES} (not reachable from the authors' predictor; spelling kept). */
    public static final List<String> REMOTE_SENSING = List.of(
            "a photo of a {} in the scene",
            "a remote sensing photo of {}",
            "a land cover scene including {}",
            "an aerial view of {}",
            "a satallite image of {}",
            "fields of {}",
            "a landscape covered with {}",
            "{} visible from above");

    /** {@code IMAGENET_TEMPLATES_SELECT}. */
    public static final List<String> IMAGENET_SELECT = List.of(
            "itap of a {}.",
            "a bad photo of the {}.",
            "a origami {}.",
            "a photo of the large {}.",
            "a {} in a video game.",
            "art of the {}.",
            "a photo of the small {}.",
            "A photo of a {} in the scene");

    /** {@code IMAGENET_TEMPLATES}: OpenAI's 80 ImageNet templates. */
    public static final List<String> IMAGENET = List.of(
            "a bad photo of a {}.",
            "a photo of many {}.",
            "a sculpture of a {}.",
            "a photo of the hard to see {}.",
            "a low resolution photo of the {}.",
            "a rendering of a {}.",
            "graffiti of a {}.",
            "a bad photo of the {}.",
            "a cropped photo of the {}.",
            "a tattoo of a {}.",
            "the embroidered {}.",
            "a photo of a hard to see {}.",
            "a bright photo of a {}.",
            "a photo of a clean {}.",
            "a photo of a dirty {}.",
            "a dark photo of the {}.",
            "a drawing of a {}.",
            "a photo of my {}.",
            "the plastic {}.",
            "a photo of the cool {}.",
            "a close-up photo of a {}.",
            "a black and white photo of the {}.",
            "a painting of the {}.",
            "a painting of a {}.",
            "a pixelated photo of the {}.",
            "a sculpture of the {}.",
            "a bright photo of the {}.",
            "a cropped photo of a {}.",
            "a plastic {}.",
            "a photo of the dirty {}.",
            "a jpeg corrupted photo of a {}.",
            "a blurry photo of the {}.",
            "a photo of the {}.",
            "a good photo of the {}.",
            "a rendering of the {}.",
            "a {} in a video game.",
            "a photo of one {}.",
            "a doodle of a {}.",
            "a close-up photo of the {}.",
            "a photo of a {}.",
            "the origami {}.",
            "the {} in a video game.",
            "a sketch of a {}.",
            "a doodle of the {}.",
            "a origami {}.",
            "a low resolution photo of a {}.",
            "the toy {}.",
            "a rendition of the {}.",
            "a photo of the clean {}.",
            "a photo of a large {}.",
            "a rendition of a {}.",
            "a photo of a nice {}.",
            "a photo of a weird {}.",
            "a blurry photo of a {}.",
            "a cartoon {}.",
            "art of a {}.",
            "a sketch of the {}.",
            "a embroidered {}.",
            "a pixelated photo of a {}.",
            "itap of the {}.",
            "a jpeg corrupted photo of the {}.",
            "a good photo of a {}.",
            "a plushie {}.",
            "a photo of the nice {}.",
            "a photo of the small {}.",
            "a photo of the weird {}.",
            "the cartoon {}.",
            "art of the {}.",
            "a drawing of the {}.",
            "a photo of the large {}.",
            "a black and white photo of a {}.",
            "the plushie {}.",
            "a dark photo of a {}.",
            "itap of a {}.",
            "graffiti of the {}.",
            "a toy {}.",
            "itap of my {}.",
            "a photo of a cool {}.",
            "a photo of a small {}.",
            "a tattoo of the {}.");

    private PromptTemplates() {
    }

    /**
     * {@code template.format(name)} for the class name as the authors pass it: a name containing
     * {@code ", "} is cut at the first {@code ", "}.
     */
    public static String fill(String template, String className) {
        int cut = className.indexOf(", ");
        String name = cut >= 0 ? className.substring(0, cut) : className;
        int at = template.indexOf("{}");
        if (at < 0) {
            throw new IllegalArgumentException("template \"" + template + "\" has no {} for the class name");
        }
        return template.substring(0, at) + name + template.substring(at + 2);
    }
}
