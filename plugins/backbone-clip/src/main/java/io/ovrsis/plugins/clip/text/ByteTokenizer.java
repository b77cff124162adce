package io.ovrsis.plugins.clip.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A vocabulary-free tokenizer for tiny randomly initialised demo models: the UTF-8 bytes of the
 * lower-cased, whitespace-cleaned prompt become ids 1..256 (byte value + 1), SOT is
 * {@code vocabSize - 2}, EOT {@code vocabSize - 1} (the largest id, as the EOT pooling needs), padding 0.
 * It is not CLIP's tokenizer; pretrained CLIP weights need {@link BpeTokenizer}.
 */
public final class ByteTokenizer implements ClipTokenizer {
    /**
     * Smallest vocabulary: padding 0, byte ids up to 245 (UTF-8 never contains bytes 0xF5..0xFF), SOT
     * 256 and EOT 257, so EOT stays the largest id.
     */
    public static final int MIN_VOCAB_SIZE = 258;

    private final int vocabSize;

    public ByteTokenizer(int vocabSize) {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new IllegalArgumentException("the bytes tokenizer needs vocabSize >= " + MIN_VOCAB_SIZE + ", got " + vocabSize);
        }
        this.vocabSize = vocabSize;
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = TextCleaner.whitespaceClean(text).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = (bytes[i] & 0xff) + 1;
        }
        return ids;
    }

    @Override
    public int startOfText() {
        return vocabSize - 2;
    }

    @Override
    public int endOfText() {
        return vocabSize - 1;
    }
}
