package org.musicdiscovery.embeddings.eval;

import org.musicdiscovery.embeddings.train.Embeddings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How often an item's nearest neighbours (exact cosine) share its top genre, against random items. Only items
 * with a known top genre take part, as seeds and as neighbours, so both numbers are over the same population.
 */
public final class GenreAgreement {

    /**
     * @param seeds        seeds evaluated
     * @param k            neighbours per seed
     * @param candidates   items with a vector and a top genre
     * @param neighbourShare mean share of the k neighbours whose top genre equals the seed's
     * @param randomShare  the same share for k random candidates per seed (empirical baseline)
     * @param chance       Σ p(g)² over the candidates' top-genre distribution (the baseline's expectation)
     */
    public record Result(int seeds, int k, int candidates, double neighbourShare, double randomShare, double chance) {
        public double lift() {
            return randomShare == 0 ? Double.POSITIVE_INFINITY : neighbourShare / randomShare;
        }
    }

    private GenreAgreement() {
    }

    public static Result evaluate(Embeddings e, Map<String, String> topGenre, int seeds, int k, long seed) {
        List<String> candidates = new ArrayList<>();
        for (String t : e.tokens()) {
            if (topGenre.containsKey(t)) {
                candidates.add(t);
            }
        }
        if (candidates.size() <= k) {
            throw new IllegalArgumentException("only " + candidates.size() + " items with a genre; need more than k = " + k);
        }
        Set<String> allowed = new HashSet<>(candidates);
        Random random = new Random(seed);
        List<String> sample = new ArrayList<>(candidates);
        Collections.shuffle(sample, random);
        sample = sample.subList(0, Math.min(seeds, sample.size()));
        double near = 0;
        double rand = 0;
        for (String s : sample) {
            String g = topGenre.get(s);
            near += share(e.nearest(s, k, allowed::contains), g, topGenre);
            List<String> others = new ArrayList<>(k);
            while (others.size() < k) {
                String c = candidates.get(random.nextInt(candidates.size()));
                if (!c.equals(s)) {
                    others.add(c);
                }
            }
            rand += share(others, g, topGenre);
        }
        Map<String, Integer> counts = new HashMap<>();
        candidates.forEach(c -> counts.merge(topGenre.get(c), 1, Integer::sum));
        double chance = 0;
        for (int c : counts.values()) {
            double p = c / (double) candidates.size();
            chance += p * p;
        }
        return new Result(sample.size(), k, candidates.size(), near / sample.size(), rand / sample.size(), chance);
    }

    private static double share(List<String> items, String genre, Map<String, String> topGenre) {
        if (items.isEmpty()) {
            return 0;
        }
        long same = items.stream().filter(i -> genre.equals(topGenre.get(i))).count();
        return same / (double) items.size();
    }
}
