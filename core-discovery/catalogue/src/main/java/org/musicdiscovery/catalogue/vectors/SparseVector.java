package org.musicdiscovery.catalogue.vectors;

import org.musicdiscovery.catalogue.model.GenreWeight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse genre vector: canonical genres with positive weights summing to 1, sorted by weight descending
 * (ties by name, so equal input gives equal output). Small components are pruned to keep vectors sparse.
 */
public record SparseVector(List<GenreWeight> entries) {

    /** Components under this share are noise (one stray tag vote among hundreds) and are dropped. */
    public static final double MIN_SHARE = 0.02;
    /** At most this many genres per item. */
    public static final int MAX_GENRES = 12;

    public static final SparseVector EMPTY = new SparseVector(List.of());

    public SparseVector {
        entries = List.copyOf(entries);
    }

    /** Normalises raw non-negative scores to sum 1, pruning tiny shares and capping the length. */
    public static SparseVector of(Map<String, Double> raw) {
        List<Map.Entry<String, Double>> positive = raw.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0 && Double.isFinite(e.getValue()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        double total = positive.stream().mapToDouble(Map.Entry::getValue).sum();
        if (total <= 0) {
            return EMPTY;
        }
        List<Map.Entry<String, Double>> kept = positive.stream()
                .filter(e -> e.getValue() / total >= MIN_SHARE).limit(MAX_GENRES).toList();
        double keptTotal = kept.stream().mapToDouble(Map.Entry::getValue).sum();
        List<GenreWeight> out = new ArrayList<>(kept.size());
        kept.forEach(e -> out.add(new GenreWeight(e.getKey(), e.getValue() / keptTotal)));
        return new SparseVector(out);
    }

    /** Mean of the non-empty vectors, renormalised; EMPTY when none has a genre. */
    public static SparseVector mean(Collection<SparseVector> vectors) {
        Map<String, Double> sum = new HashMap<>();
        vectors.forEach(v -> v.entries.forEach(e -> sum.merge(e.genre(), e.weight(), Double::sum)));
        return of(sum);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public double sum() {
        return entries.stream().mapToDouble(GenreWeight::weight).sum();
    }

    public double weight(String genre) {
        return entries.stream().filter(e -> e.genre().equals(genre)).mapToDouble(GenreWeight::weight).findFirst().orElse(0);
    }

    /** The first {@code n} genres by weight. */
    public List<String> top(int n) {
        return entries.stream().sorted(Comparator.comparingDouble(GenreWeight::weight).reversed())
                .limit(n).map(GenreWeight::genre).toList();
    }
}
