package io.ovrsis.plugins.clip.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cleaning steps of CLIP's tokenizer that are reproduced without ftfy. */
class TextCleanerTest {

    @Test
    void whitespaceRunsCollapse() {
        assertThat(TextCleaner.whitespaceClean("  a \t\n b\u00a0\u2003c  ")).isEqualTo("a b c");
    }

    @Test
    void htmlIsUnescapedAsPythonDoes() {
        assertThat(HtmlEntities.unescape("&lt;b&gt; &#x41;&#66; &eacute;t&eacute; &amp &ampx &notit;"))
                .isEqualTo("<b> AB été & &x ¬it;");
        assertThat(HtmlEntities.unescape("&#0;&#128;&#x110000;&#1;&#x1F697;")).isEqualTo("\ufffd\u20ac\ufffd\uD83D\uDE97");
        // html.unescape twice: two levels of &amp; (ftfy's level is skipped when the text has a '<')
        assertThat(TextCleaner.basicClean(" <a&amp;amp;lt; ")).isEqualTo("<a&lt;");
    }

    @Test
    void ftfySubset() {
        assertThat(TextCleaner.basicClean("\u201cfields\u201d of \u2018tanks\u2019")).isEqualTo("\"fields\" of 'tanks'");
        assertThat(TextCleaner.basicClean("\uff41\uff42\u3000\ufb01eld")).isEqualTo("ab field");
        assertThat(TextCleaner.basicClean("e\u0301t\u00e9")).isEqualTo("\u00e9t\u00e9");
        assertThat(TextCleaner.basicClean("ok\u001b[31m red\u0007")).isEqualTo("ok red");
        // ftfy's own unescape makes a third level when the text has no '<'
        assertThat(TextCleaner.basicClean("&amp;amp;amp;")).isEqualTo("&");
        assertThat(TextCleaner.basicClean("<&amp;amp;amp;")).isEqualTo("<&amp;");
    }
}
