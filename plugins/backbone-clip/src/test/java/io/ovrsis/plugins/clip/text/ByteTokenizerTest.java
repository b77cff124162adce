package io.ovrsis.plugins.clip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteTokenizerTest {

    @Test
    void bytesOfTheCleanedLowerCasedPromptArePlusOne() {
        ByteTokenizer t = new ByteTokenizer(300);
        assertThat(t.encode("  A\tb  ")).containsExactly('a' + 1, ' ' + 1, 'b' + 1);
        assertThat(t.encode("é")).containsExactly(0xC3 + 1, 0xA9 + 1);
        long[] ids = t.tokenize("Ab", 6);
        assertThat(ids).containsExactly(298, 'a' + 1, 'b' + 1, 299, 0, 0);
    }

    @Test
    void limits() {
        assertThat(new ByteTokenizer(258).endOfText()).isEqualTo(257);
        assertThatThrownBy(() -> new ByteTokenizer(257)).hasMessageContaining(">= 258");
        assertThatThrownBy(() -> new ByteTokenizer(300).tokenize("abcde", 6)).isInstanceOf(PromptTooLongException.class)
                .hasMessageContaining("7 tokens long, more than the context length 6");
        assertThat(new ByteTokenizer(300).tokenize("abcd", 6)).endsWith(299);
    }
}
