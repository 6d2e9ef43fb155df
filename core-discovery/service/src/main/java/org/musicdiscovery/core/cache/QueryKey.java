package org.musicdiscovery.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.musicdiscovery.api.ParsedQuery;

/**
 * The cache identity of a query: a canonical form of the <em>structured</em> query, so that "rock with a little
 * blues" and "Rock, with a little Blues!" share one entry. Genre weights are rounded to 0.01 (a slider nudge below
 * that is not a different question), lists are sorted, free text is case- and punctuation-folded. The key also
 * carries the catalogue/index version, so a new index never serves results computed on the old one.
 */
public final class QueryKey {
    /** Names the stored page format too ({@link StoredPage}): replicas on another format never read these keys. */
    static final String PREFIX = "rp3:";
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final HexFormat HEX = HexFormat.of();

    private QueryKey() {
    }

    public static String of(ParsedQuery q, int limit, int offset, String version) {
        return PREFIX + version + ":" + sha256(canonical(q) + "|l=" + limit + "|o=" + offset);
    }

    static String canonical(ParsedQuery q) {
        var sb = new StringBuilder();
        sb.append("m=").append(q.mode());
        sb.append("|t=").append(q.itemType() == null ? "any" : q.itemType().toLowerCase(Locale.ROOT));
        sb.append("|g=").append(weights(q.genres()));
        sb.append("|x=").append(sorted(q.excluded()));
        sb.append("|a=").append(sorted(q.artists()));
        if (q.seed() != null) {
            sb.append("|s=").append(fold(q.seed().track())).append('/').append(fold(q.seed().artist()));
            if (q.seed().item() != null) {
                sb.append("|i=").append(q.seed().item());
            }
        }
        // text only matters when it is what gets searched
        if (q.mode() == ParsedQuery.Mode.keyword) {
            sb.append("|q=").append(fold(q.text()));
        }
        return sb.toString();
    }

    private static String weights(Map<String, Double> genres) {
        if (genres == null) {
            return "";
        }
        var sb = new StringBuilder();
        for (var e : new TreeMap<>(genres).entrySet()) {
            sb.append(sb.isEmpty() ? "" : ",").append(fold(e.getKey())).append(':')
                    .append(Math.round(e.getValue() * 100));
        }
        return sb.toString();
    }

    private static String sorted(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        String[] folded = new String[values.size()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(values.get(i));
        }
        Arrays.sort(folded);
        return String.join(",", folded);
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        if (isFolded(s)) { // canonical genre names need no normalising, and every request builds a key, hits too
            return s;
        }
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        return NOT_LETTERS_OR_DIGITS.matcher(n).replaceAll(" ").strip();
    }

    /** Words of lower-case ASCII letters and digits, single spaces between them: what {@link #fold} leaves as is. */
    private static boolean isFolded(String s) {
        char previous = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || s.isEmpty();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(d, 0, 16); // 128 bits: collisions are not a practical concern
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
