package org.musicdiscovery.core.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.core.score.Ranker.Ranked;

/**
 * Composes the first positions of a genre-mix answer so that, together, they carry the asked proportions
 * (proportionality diversification in the spirit of PM-2, Dang &amp; Croft 2012). Scoring each item alone favours
 * pure items: for "funk with a little rock" in a catalogue with few funk-rock blends every top item is pure funk,
 * and the page as a whole has no rock at all. Here each position goes to the candidate maximising
 *
 * <pre>
 *   gain(c) = score(c) − BALANCE · Σ_g |page_g + c_g − (n+1)·asked_g|      (page_g: genre g summed over the n
 * </pre>                                                               items placed so far; extra genres count whole)
 *
 * so blended items that fit the mix still come first (high score, small deviation), and where the catalogue has no
 * blends the page mixes pure items in the asked proportions. Deviation is counted in items, not as the mean's L1, so
 * one misplaced item weighs the same at position 2 as at position 10 (the mean's L1 shrinks like 1/n and would let
 * the pure majority genre take every late position). Ties keep the ranker's order, and so do positions after
 * {@code n}. Greedy, so the first n positions do not depend on n: page 2 continues page 1.
 */
public final class MixComposer {
    /** Score given up per item of deviation from the asked proportions (item scores span ~0..1). */
    static final double BALANCE = 0.5;

    private MixComposer() {
    }

    public static List<Ranked> compose(List<Ranked> ranked, Map<String, Double> asked, int n) {
        if (asked == null || asked.size() < 2 || ranked.size() < 2) {
            return ranked;
        }
        // the page's deviation from n·asked, Σ_g |sum_g + extra_g − n·asked_g| over every genre present, with the
        // page's and each candidate's genres split into the asked ones (a few array slots) and one total for all
        // others: O(asked) per candidate instead of map lookups over every genre of the page, which made this stage
        // a tenth of core's CPU per genre-mix miss (MixComposerTest checks it against the formula over maps)
        String[] genres = asked.keySet().toArray(String[]::new);
        int k = genres.length, m = ranked.size();
        double[] target = new double[k];
        for (int g = 0; g < k; g++) {
            target[g] = asked.get(genres[g]);
        }
        double[] share = new double[m * k];
        double[] outside = new double[m];
        for (int c = 0; c < m; c++) {
            for (var e : ranked.get(c).mix().entrySet()) {
                int g = indexOf(genres, e.getKey());
                if (g >= 0) {
                    share[c * k + g] = e.getValue();
                } else {
                    outside[c] += e.getValue();
                }
            }
        }
        List<Ranked> page = new ArrayList<>(m);
        boolean[] taken = new boolean[m];
        double[] sum = new double[k];
        double sumOutside = 0;
        for (int pos = 0; pos < n && pos < m; pos++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                if (taken[c]) {
                    continue;
                }
                double d = sumOutside + outside[c];
                for (int g = 0; g < k; g++) {
                    d += Math.abs(sum[g] + share[c * k + g] - (pos + 1) * target[g]);
                }
                double gain = ranked.get(c).total() - BALANCE * d;
                if (best < 0 || gain > bestGain) { // strict: the earlier (better ranked) candidate wins ties
                    bestGain = gain;
                    best = c;
                }
            }
            taken[best] = true;
            page.add(ranked.get(best));
            for (int g = 0; g < k; g++) {
                sum[g] += share[best * k + g];
            }
            sumOutside += outside[best];
        }
        for (int c = 0; c < m; c++) {
            if (!taken[c]) {
                page.add(ranked.get(c));
            }
        }
        return page;
    }

    private static int indexOf(String[] genres, String genre) {
        for (int g = 0; g < genres.length; g++) {
            if (genres[g].equals(genre)) {
                return g;
            }
        }
        return -1;
    }
}
