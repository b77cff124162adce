/** CLIP's tokenizers (exact BPE and a byte-level demo tokenizer), text cleaning and prompt templates. */
package io.ovrsis.plugins.clip.text;
