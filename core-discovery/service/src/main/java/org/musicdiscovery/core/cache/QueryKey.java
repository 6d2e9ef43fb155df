package org.musicdiscovery.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.musicdiscovery.api.ParsedQuery;

/**
 * The cache identity of a query: a canonical form of the <em>structured</em> query, so that "rock with a little
 * blues" and "Rock, with a little Blues!" share one entry. Genre weights are rounded to 0.01 (a slider nudge below
 * that is not a different question), lists are sorted, free text is case- and punctuation-folded. The key also
 * carries the catalogue/index version, so a new index never serves results computed on the old one.
 */
public final class QueryKey {
    /** Names the stored page format too ({@link StoredPage}): replicas on another format never read these keys. */
    static final String PREFIX = "rp2:";

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
        return new TreeMap<>(genres).entrySet().stream()
                .map(e -> fold(e.getKey()) + ":" + Math.round(e.getValue() * 100))
                .collect(Collectors.joining(","));
    }

    private static String sorted(List<String> values) {
        return values == null ? "" : values.stream().map(QueryKey::fold).sorted().collect(Collectors.joining(","));
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16); // 128 bits: collisions are not a practical concern
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
