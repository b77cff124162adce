package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a CLIP weight file is laid out and converted (method.md §11.1, §11.2, §14.1). */
public enum WeightsFormat {
    /**
     * OpenAI's TorchScript archives ({@code ViT-B-16.pt}, ...) or any state dict with OpenAI key names
     * (fused {@code in_proj_weight} or the authors' split q/k/v); fp16 tensors are widened to fp32.
     */
    @JsonProperty("openai")
    OPENAI,
    /**
     * RemoteCLIP's {@code torch.save} state dict (OpenAI key names, fp32): conv, Linear, q/k/v,
     * {@code in_proj_bias}, {@code proj} and {@code text_projection} are rounded to fp16 and back, as
     * the authors' load into fp16 parameters does.
     */
    @JsonProperty("remoteclip")
    REMOTECLIP
}
