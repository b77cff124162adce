package io.ovrsis.plugins.clip.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text cleaning of CLIP's tokenizer: {@code basic_clean} ({@code ftfy.fix_text}, HTML-unescape
 * twice, strip) and {@code whitespace_clean} (collapse whitespace runs to one space, strip).
 *
 * <p>ftfy has no Java port. This class does the parts of {@code fix_text}'s default pipeline that do
 * not need ftfy's encoding detector: one extra level of {@code &name;} unescaping when the text has
 * no {@code <}, terminal escape removal, Latin ligatures, full-width characters, curly quotes, line
 * breaks, control characters and NFC. Not done: mojibake repair ({@code fix_encoding} and its helpers
 * such as {@code fix_c1_controls}). For the ASCII class names of the benchmarks all of this is a no-op.
 */
public final class TextCleaner {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001b\\[((?:\\d|;)*)([a-zA-Z])");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u02bc\u2018-\u201b]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201c-\u201f]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\u2028\u2029\u0085]");
    private static final Pattern CONTROL = Pattern.compile(
            "[\u0000-\u0008\u000b\u000e-\u001f\u007f\u206a-\u206f\ufeff\ufff9-\ufffc]");
    private static final Map<Character, String> LIGATURES = Map.ofEntries(
            Map.entry('\u0132', "IJ"), Map.entry('\u0133', "ij"), Map.entry('\u0149', "\u02bcn"),
            Map.entry('\u01c4', "D\u017d"), Map.entry('\u01c5', "D\u017e"), Map.entry('\u01c6', "d\u017e"),
            Map.entry('\u01c7', "LJ"), Map.entry('\u01c8', "Lj"), Map.entry('\u01c9', "lj"),
            Map.entry('\u01ca', "NJ"), Map.entry('\u01cb', "Nj"), Map.entry('\u01cc', "nj"),
            Map.entry('\u01f1', "DZ"), Map.entry('\u01f2', "Dz"), Map.entry('\u01f3', "dz"),
            Map.entry('\ufb00', "ff"), Map.entry('\ufb01', "fi"), Map.entry('\ufb02', "fl"),
            Map.entry('\ufb03', "ffi"), Map.entry('\ufb04', "ffl"), Map.entry('\ufb05', "\u017ft"),
            Map.entry('\ufb06', "st"));

    private TextCleaner() {
    }

    /** {@code basic_clean}: the ftfy subset, {@code html.unescape} twice, strip. */
    public static String basicClean(String text) {
        String t = fixText(text);
        t = HtmlEntities.unescape(HtmlEntities.unescape(t));
        return t.strip();
    }

    /** {@code whitespace_clean}: every run of whitespace becomes one space; strip. */
    public static String whitespaceClean(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The part of {@code ftfy.fix_text} (default config) that is reproduced; see the class comment. */
    static String fixText(String text) {
        String t = text;
        if (t.indexOf('<') < 0) {
            t = HtmlEntities.unescapeTerminated(t);
        }
        t = TERMINAL_ESCAPE.matcher(t).replaceAll("");
        t = replaceChars(t);
        t = SINGLE_QUOTES.matcher(t).replaceAll("'");
        t = DOUBLE_QUOTES.matcher(t).replaceAll("\"");
        t = LINE_BREAKS.matcher(t).replaceAll("\n");
        t = CONTROL.matcher(t).replaceAll("");
        return Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** Latin ligatures and full-width / half-width forms (ftfy's width map: NFKC of U+FF01..U+FFEF, U+3000). */
    private static String replaceChars(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String repl = LIGATURES.get(c);
            if (repl == null && c == '\u3000') {
                repl = " ";
            } else if (repl == null && c >= '\uff01' && c <= '\uffef') {
                String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                repl = nfkc.equals(String.valueOf(c)) ? null : nfkc;
            }
            if (repl != null && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                if (repl != null) {
                    sb.append(repl);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
