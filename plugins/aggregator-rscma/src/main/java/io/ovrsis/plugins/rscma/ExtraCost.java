package io.ovrsis.plugins.rscma;

/**
 * One extra cost source as resolved at build time.
 *
 * @param source auxiliary encoder name ({@code dino})
 * @param feature map read from it ({@code dense})
 * @param channels channels of that map
 * @param factor its grid side divided by the cost grid side: kernel and stride of the projection
 *     {@code <source>_down_sample} (2 for DINO B/8 at 384 against CLIP B/16 at 384)
 */
record ExtraCost(String source, String feature, int channels, int factor) {

    /** Parameter prefix of the projection into text space; {@code dino_down_sample} for {@code dino}. */
    String moduleName() {
        return source + "_down_sample";
    }
}
