package io.ovrsis.plugins.clip.text;

/** A prompt whose token sequence (with start and end markers) does not fit the context length. */
public final class PromptTooLongException extends IllegalArgumentException {
    private final String prompt;
    private final int tokens;
    private final int contextLength;

    public PromptTooLongException(String prompt, int tokens, int contextLength) {
        super("prompt \"" + prompt + "\" is " + tokens + " tokens long, more than the context length " + contextLength);
        this.prompt = prompt;
        this.tokens = tokens;
        this.contextLength = contextLength;
    }

    public String prompt() {
        return prompt;
    }

    public int tokens() {
        return tokens;
    }

    public int contextLength() {
        return contextLength;
    }
}
