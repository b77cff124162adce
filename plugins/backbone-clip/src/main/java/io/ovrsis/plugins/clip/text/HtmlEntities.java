package io.ovrsis.plugins.clip.text;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code html.unescape} for numeric character references (with its replacement rules) and
 * for a subset of the named ones: the HTML 4 Latin-1 set (valid without {@code ;}), {@code amp},
 * {@code lt}, {@code gt}, {@code quot} in both cases, and a few common typographic names. Other
 * HTML5 names are left as they are (Python would replace them).
 */
final class HtmlEntities {
    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)");
    private static final Pattern TERMINATED = Pattern.compile("&#?[0-9A-Za-z]{1,24};");
    private static final String LATIN1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy "
            + "reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 "
            + "iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute "
            + "Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute "
            + "THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave "
            + "iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml "
            + "yacute thorn yuml";
    /** Entity names (as in Python's {@code html5} table: with {@code ;}, or legacy without) → text. */
    private static final Map<String, String> NAMED = buildTable();
    /** Python's {@code _invalid_charrefs}: C1 references read as Windows-1252. */
    private static final String CP1252_80_9F = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
            + "\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
            + "\u0161\u203a\u0153\u009d\u017e\u0178";

    private HtmlEntities() {
    }

    private static Map<String, String> buildTable() {
        Map<String, String> t = new HashMap<>();
        String[] names = LATIN1.split(" ");
        for (int i = 0; i < names.length; i++) {
            String ch = String.valueOf((char) (0xA0 + i));
            t.put(names[i], ch);
            t.put(names[i] + ";", ch);
        }
        for (String[] e : new String[][] {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}}) {
            for (String n : new String[] {e[0], e[0].toUpperCase(java.util.Locale.ROOT)}) {
                t.put(n, e[1]);
                t.put(n + ";", e[1]);
            }
        }
        t.put("COPY", "\u00a9");
        t.put("COPY;", "\u00a9");
        t.put("REG", "\u00ae");
        t.put("REG;", "\u00ae");
        String[][] semicolonOnly = {{"apos", "'"}, {"hellip", "\u2026"}, {"mdash", "\u2014"}, {"ndash", "\u2013"},
            {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201c"}, {"rdquo", "\u201d"}, {"bull", "\u2022"},
            {"trade", "\u2122"}, {"euro", "\u20ac"}, {"thinsp", "\u2009"}, {"ensp", "\u2002"}, {"emsp", "\u2003"}};
        for (String[] e : semicolonOnly) {
            t.put(e[0] + ";", e[1]);
        }
        return Map.copyOf(t);
    }

    /** {@code html.unescape}: every character reference Python's rules would replace (see class comment). */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(replace(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** ftfy's {@code unescape_html}: only {@code &name;} and {@code &#n;} forms with the semicolon. */
    static String unescapeTerminated(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = TERMINATED.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String whole = m.group();
            String repl;
            if (whole.startsWith("&#")) {
                String u = unescape(whole);
                repl = u.contains(";") ? whole : u;
            } else {
                repl = NAMED.getOrDefault(whole.substring(1), whole);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String replace(String s) {
        if (s.charAt(0) == '#') {
            boolean hex = s.length() > 1 && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
            String digits = s.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            BigInteger big = new BigInteger(digits, hex ? 16 : 10);
            if (big.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                return "\ufffd";
            }
            return codePoint(big.intValue());
        }
        String value = NAMED.get(s);
        if (value != null) {
            return value;
        }
        for (int x = s.length() - 1; x > 1; x--) {
            value = NAMED.get(s.substring(0, x));
            if (value != null) {
                return value + s.substring(x);
            }
        }
        return "&" + s;
    }

    private static final Set<Integer> INVALID_LOW = Set.of(0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0xb);

    private static String codePoint(int num) {
        if (num == 0) {
            return "\ufffd";
        }
        if (num == 0x0d) {
            return "\r";
        }
        if (num >= 0x80 && num <= 0x9f) {
            return String.valueOf(CP1252_80_9F.charAt(num - 0x80));
        }
        if (num >= 0xD800 && num <= 0xDFFF) {
            return "\ufffd";
        }
        boolean invalid = INVALID_LOW.contains(num) || (num >= 0xe && num <= 0x1f) || num == 0x7f
                || (num >= 0xfdd0 && num <= 0xfdef) || (num & 0xfffe) == 0xfffe;
        return invalid ? "" : new String(Character.toChars(num));
    }
}
