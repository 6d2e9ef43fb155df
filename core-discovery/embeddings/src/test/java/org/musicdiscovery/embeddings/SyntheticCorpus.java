package org.musicdiscovery.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sentences over {@code groups × perGroup} items where each sentence draws mostly from one group. Tokens are plain
 * numbers like catalogue ids (item i of group g is {@code 1000 + g·perGroup + i}). A share {@code noise} of
 * foreign items is mixed in so the groups are not trivially disconnected components.
 */
public final class SyntheticCorpus {

    private SyntheticCorpus() {
    }

    public static String token(int group, int item, int perGroup) {
        return Integer.toString(1000 + group * perGroup + item);
    }

    public static int groupOf(String token, int perGroup) {
        return (Integer.parseInt(token) - 1000) / perGroup;
    }

    public static List<List<String>> sentences(int groups, int perGroup, int count, int length, double noise, long seed) {
        Random r = new Random(seed);
        List<List<String>> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int g = r.nextInt(groups);
            List<String> sentence = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                int group = r.nextDouble() < noise ? r.nextInt(groups) : g;
                sentence.add(token(group, r.nextInt(perGroup), perGroup));
            }
            out.add(sentence);
        }
        return out;
    }
}
