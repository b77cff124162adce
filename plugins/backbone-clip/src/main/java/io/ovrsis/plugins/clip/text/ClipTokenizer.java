package io.ovrsis.plugins.clip.text;

/**
 * Turns a prompt into CLIP token ids: {@code [SOT] ids [EOT]} zero padded to the context length, the
 * layout of OpenAI's {@code clip.tokenize}. The EOT id must be the largest id of every sequence,
 * because the text tower pools at {@code argmax(ids)}.
 */
public interface ClipTokenizer {

    /** Ids of the cleaned text, without start and end markers. */
    int[] encode(String text);

    int startOfText();

    int endOfText();

    /**
     * {@code [SOT] encode(text) [EOT]}, padded with 0 to {@code contextLength}.
     *
     * @throws PromptTooLongException if the sequence is longer than {@code contextLength}
     */
    default long[] tokenize(String text, int contextLength) {
        int[] ids = encode(text);
        if (ids.length + 2 > contextLength) {
            throw new PromptTooLongException(text, ids.length + 2, contextLength);
        }
        long[] out = new long[contextLength];
        out[0] = startOfText();
        for (int i = 0; i < ids.length; i++) {
            out[i + 1] = ids[i];
        }
        out[ids.length + 1] = endOfText();
        return out;
    }
}
