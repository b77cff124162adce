package io.ovrsis.plugins.clip.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * OpenAI CLIP's byte-level BPE tokenizer ({@code SimpleTokenizer}, method.md §11.5), read from
 * {@code bpe_simple_vocab_16e6.txt.gz}. Text is cleaned ({@link TextCleaner}; ftfy only in part),
 * lower-cased, split with CLIP's regular expression, byte-encoded with GPT-2's
 * {@code bytes_to_unicode} table, and merged greedily by lowest merge rank.
 */
public final class BpeTokenizer implements ClipTokenizer {
    /** Merge rules used: lines 1 .. 49152 - 256 - 2 of the file. */
    public static final int MERGES = 49152 - 256 - 2;
    public static final int VOCAB_SIZE = 256 * 2 + MERGES + 2;
    private static final String END_OF_WORD = "</w>";
    private static final Pattern SPLIT = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final String[] byteEncoder;
    private final Map<String, Integer> encoder;
    private final Map<String, Integer> ranks;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private BpeTokenizer(List<String> merges) {
        Map<Integer, String> table = bytesToUnicode();
        this.byteEncoder = new String[256];
        table.forEach((b, c) -> byteEncoder[b] = c);
        this.encoder = new HashMap<>(VOCAB_SIZE * 2);
        this.ranks = new HashMap<>(MERGES * 2);
        int id = 0;
        for (String s : table.values()) {
            encoder.put(s, id++);
        }
        for (String s : table.values()) {
            encoder.put(s + END_OF_WORD, id++);
        }
        for (int r = 0; r < merges.size(); r++) {
            String[] pair = merges.get(r).split(" ");
            if (pair.length != 2) {
                throw new IllegalArgumentException("merge rule " + (r + 1) + " is not two symbols: \"" + merges.get(r) + "\"");
            }
            ranks.put(pair[0] + " " + pair[1], r);
            encoder.put(pair[0] + pair[1], id++);
        }
        encoder.put("<|startoftext|>", id++);
        encoder.put("<|endoftext|>", id);
        cache.put("<|startoftext|>", "<|startoftext|>");
        cache.put("<|endoftext|>", "<|endoftext|>");
    }

    /** Reads the gzipped merge file (first line a version header, then at least {@link #MERGES} rules). */
    public static BpeTokenizer load(Path file) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < MERGES + 1) {
            throw new IOException(file + " has " + lines.length + " lines; a CLIP vocabulary file"
                    + " (bpe_simple_vocab_16e6.txt.gz) has a header and at least " + MERGES + " merge rules");
        }
        List<String> merges = new ArrayList<>(MERGES);
        for (int i = 1; i <= MERGES; i++) {
            merges.add(lines[i]);
        }
        return new BpeTokenizer(merges);
    }

    @Override
    public int[] encode(String text) {
        String cleaned = TextCleaner.whitespaceClean(TextCleaner.basicClean(text)).toLowerCase(Locale.ROOT);
        List<Integer> ids = new ArrayList<>();
        Matcher m = SPLIT.matcher(cleaned);
        while (m.find()) {
            byte[] bytes = m.group().getBytes(StandardCharsets.UTF_8);
            StringBuilder token = new StringBuilder(bytes.length);
            for (byte b : bytes) {
                token.append(byteEncoder[b & 0xff]);
            }
            for (String piece : bpe(token.toString()).split(" ")) {
                Integer id = encoder.get(piece);
                if (id == null) {
                    throw new IllegalStateException("BPE produced \"" + piece + "\", which is not in the vocabulary");
                }
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int startOfText() {
        return encoder.get("<|startoftext|>");
    }

    @Override
    public int endOfText() {
        return encoder.get("<|endoftext|>");
    }

    /** Merges one byte-encoded word; returns its symbols separated by spaces. */
    private String bpe(String token) {
        String cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        List<String> word = new ArrayList<>(token.length());
        for (int i = 0; i < token.length() - 1; i++) {
            word.add(String.valueOf(token.charAt(i)));
        }
        word.add(token.charAt(token.length() - 1) + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i < word.size() - 1; i++) {
                Integer r = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            int i = 0;
            while (i < word.size()) {
                if (i < word.size() - 1 && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i += 2;
                } else {
                    merged.add(word.get(i));
                    i++;
                }
            }
            word = merged;
        }
        String result = String.join(" ", word);
        cache.put(token, result);
        return result;
    }

    /**
     * GPT-2's reversible byte → printable character table, iterated in CLIP's vocabulary order (the
     * printable bytes first, then the others mapped to U+0100 onwards).
     */
    static Map<Integer, String> bytesToUnicode() {
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) {
            bs.add(b);
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            bs.add(b);
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            bs.add(b);
        }
        List<Integer> cs = new ArrayList<>(bs);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                bs.add(b);
                cs.add(256 + n);
                n++;
            }
        }
        Map<Integer, String> table = new LinkedHashMap<>();
        for (int i = 0; i < bs.size(); i++) {
            table.put(bs.get(i), String.valueOf((char) (int) cs.get(i)));
        }
        return table;
    }
}
