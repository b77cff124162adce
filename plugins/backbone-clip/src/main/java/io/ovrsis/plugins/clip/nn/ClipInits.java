package io.ovrsis.plugins.clip.nn;

import io.ovrsis.api.nn.Init;

/**
 * Random initialisers of one CLIP transformer's block weights. Pretrained weights replace them; they
 * only matter for randomly initialised (demo) models.
 *
 * @param qkv each of q/k/v_proj_weight
 * @param outProj attn.out_proj.weight
 * @param fc mlp.c_fc.weight
 * @param proj mlp.c_proj.weight
 */
public record ClipInits(Init qkv, Init outProj, Init fc, Init proj) {

    /**
     * PyTorch's defaults, as the OpenAI vision tower keeps them: {@code xavier_uniform_} over the fused
     * (3D, D) in-projection, the Linear default elsewhere.
     */
    public static ClipInits torchDefaults(int width) {
        double xavier = Math.sqrt(6.0 / (width + 3.0 * width));
        return new ClipInits(Init.uniform(xavier), Init.torchDefault(width), Init.torchDefault(width),
                Init.torchDefault(4L * width));
    }

    /** OpenAI's {@code CLIP.initialize_parameters} for the text transformer. */
    public static ClipInits openAiText(int width, int layers) {
        double attnStd = Math.pow(width, -0.5);
        double projStd = attnStd * Math.pow(2.0 * layers, -0.5);
        double fcStd = Math.pow(2.0 * width, -0.5);
        return new ClipInits(Init.normal(attnStd), Init.normal(projStd), Init.normal(fcStd), Init.normal(projStd));
    }
}
