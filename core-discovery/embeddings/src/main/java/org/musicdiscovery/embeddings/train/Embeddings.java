package org.musicdiscovery.embeddings.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Trained vectors by token, copied out of DL4J's native arrays into plain floats so the rest of the module (export,
 * evaluation) needs no ND4J. Tokens keep the order given (the trainer sorts them), which makes vids stable.
 */
public final class Embeddings {

    private final List<String> tokens;
    private final float[][] vectors;
    private final Map<String, Integer> index = new HashMap<>();

    public Embeddings(List<String> tokens, float[][] vectors) {
        if (tokens.size() != vectors.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + vectors.length + " vectors");
        }
        this.tokens = List.copyOf(tokens);
        this.vectors = vectors;
        for (int i = 0; i < tokens.size(); i++) {
            if (index.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate token " + tokens.get(i));
            }
        }
    }

    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public int dim() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** The vector of a token (a defensive copy), or null when it is not in the vocabulary. */
    public float[] vector(String token) {
        Integer i = index.get(token);
        return i == null ? null : vectors[i].clone();
    }

    float[] raw(int i) {
        return vectors[i];
    }

    /** The k tokens with highest cosine to {@code token} (itself excluded), exact scan; empty when unknown. */
    public List<String> nearest(String token, int k) {
        return nearest(token, k, t -> true);
    }

    /** As {@link #nearest(String, int)}, over the tokens {@code allowed} accepts; ties broken by vocabulary order. */
    public List<String> nearest(String token, int k, Predicate<String> allowed) {
        Integer q = index.get(token);
        if (q == null || k <= 0) {
            return List.of();
        }
        float[] unit = unit(vectors[q]);
        // bounded min-heap of (cosine, index): the root is the weakest of the best k so far
        PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, Comparator.<double[]>comparingDouble(e -> e[0])
                .thenComparing(e -> -e[1]));
        for (int i = 0; i < vectors.length; i++) {
            if (i == q || !allowed.test(tokens.get(i))) {
                continue;
            }
            best.add(new double[] {dot(unit, vectors[i]) / norm(vectors[i]), i});
            if (best.size() > k) {
                best.poll();
            }
        }
        List<String> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            out.add(tokens.get((int) best.poll()[1]));
        }
        Collections.reverse(out);
        return out;
    }

    static float[] unit(float[] v) {
        double n = norm(v);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = n == 0 ? 0f : (float) (v[i] / n);
        }
        return u;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double norm(float[] v) {
        double n = Math.sqrt(dot(v, v));
        return n == 0 ? 1e-12 : n;
    }
}
