package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Text tokenizer of a {@code clip-text*} encoder. */
public enum TokenizerKind {
    /** OpenAI CLIP's byte-level BPE, read from {@code bpe_simple_vocab_16e6.txt.gz} (pretrained models). */
    @JsonProperty("bpe")
    BPE,
    /** UTF-8 bytes as ids 1..256; needs no file; only for randomly initialised demo models. */
    @JsonProperty("bytes")
    BYTES
}
