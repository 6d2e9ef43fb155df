package org.musicdiscovery.queryparser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.queryparser.lexicon.QuantifierScale;

/**
 * Collects the genre mix while the parser walks the query: a quantifier or percentage applies to the next genre,
 * negation sends genres to the excluded list. Explicit percentages are honoured (genres named without one share
 * what is left of 100%) and everything is normalised to sum 1. Not thread-safe: one per parse.
 */
final class MixBuilder {

    private final Map<String, Double> raw = new LinkedHashMap<>();
    private final Map<String, Double> percents = new LinkedHashMap<>();
    private final List<String> excluded = new ArrayList<>();
    private Double pendingWeight;
    private Double pendingPercent;
    private String last;
    private Boolean trailing;

    void quantifier(double weight) {
        pendingWeight = weight;
        pendingPercent = null;
    }

    /**
     * A percentage applies to the next genre ("70% soul 30% funk") unless the query's first percentage came right
     * after a genre that had none ("soul 70% funk 30%"): then every percentage applies to the genre before it.
     */
    void percent(double value) {
        double v = Math.max(0, Math.min(100, value));
        if (trailing == null) {
            trailing = last != null && !percents.containsKey(last);
        }
        if (trailing && last != null && !percents.containsKey(last)) {
            percents.put(last, v);
            last = null;
        } else {
            pendingPercent = v;
            pendingWeight = null;
        }
    }

    void genre(String canonical, boolean negated) {
        if (negated) {
            if (!excluded.contains(canonical)) {
                excluded.add(canonical);
            }
            raw.remove(canonical);
            percents.remove(canonical);
        } else if (!excluded.contains(canonical)) {
            raw.merge(canonical, pendingWeight != null ? pendingWeight : QuantifierScale.UNQUANTIFIED, Math::max);
            if (pendingPercent != null) {
                percents.put(canonical, pendingPercent);
            }
        }
        last = negated ? null : canonical;
        pendingWeight = null;
        pendingPercent = null;
    }

    /** Something other than a genre came between: a trailing percentage no longer belongs to the last genre. */
    void interrupt() {
        last = null;
    }

    List<String> excluded() {
        return List.copyOf(excluded);
    }

    /** Canonical genre → weight summing to 1 (4 decimals), heaviest first; empty if no genre was wanted. */
    Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>(raw);
        if (!percents.isEmpty()) {
            double given = percents.values().stream().mapToDouble(Double::doubleValue).sum();
            long others = raw.keySet().stream().filter(g -> !percents.containsKey(g)).count();
            // genres without a percentage share the rest of 100%; if nothing is left they get a token share
            double share = others == 0 ? 0 : Math.max(100 - given, given * 0.1) / others;
            w.replaceAll((g, x) -> percents.getOrDefault(g, share));
        }
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        if (sum <= 0) {
            w.keySet().forEach(g -> out.put(g, 1.0 / w.size()));
            return out;
        }
        w.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), Math.round(e.getValue() / sum * 1e4) / 1e4));
        return out;
    }
}
