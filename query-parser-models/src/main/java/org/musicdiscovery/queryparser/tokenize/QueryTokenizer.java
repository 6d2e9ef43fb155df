package org.musicdiscovery.queryparser.tokenize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenizer used when training the name finder and when parsing, so both see identical token sequences.
 * Words keep inner apostrophes, hyphens, dots and ampersands ("rock'n'roll", "hip-hop", "r&b", "t.i"); "70%" stays
 * one token; any other character (punctuation, emoji) is a token of its own.
 */
public final class QueryTokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "\\d+(?:[.,]\\d+)?%|[\\p{L}\\p{N}\\p{M}]+(?:['’&.\\-][\\p{L}\\p{N}\\p{M}]+)*|\\S");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private QueryTokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group(), key(m.group()), m.start(), m.end()));
        }
        return out;
    }

    /** Surface forms, as the name finder takes them. */
    public static String[] texts(List<Token> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).text();
        }
        return out;
    }

    /**
     * Comparison key with the catalogue's genre-name rules (lower case, accents folded, "&amp;" read as "and",
     * apostrophes dropped, other punctuation as spaces), so gazetteer entries generated from the catalogue
     * vocabulary match: "R&amp;B" → "r and b", "Hip-Hop" → "hip hop".
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
        s = APOSTROPHES.matcher(s).replaceAll("");
        return NON_ALNUM.matcher(s).replaceAll(" ").trim();
    }
}
