package org.musicdiscovery.catalogue.source;

import java.util.Map;

/**
 * The parts of Last.fm HetRec 2011 the catalogue uses.
 *
 * @param artistNames artist id to name
 * @param tagNames    tag id to tag text
 * @param tagVotes    artist id to (tag id to number of users who gave the artist that tag)
 * @param plays       artist id to total play count over all users
 * @param listeners   artist id to number of users who listened
 */
public record HetrecData(Map<Integer, String> artistNames, Map<Integer, String> tagNames,
                         Map<Integer, Map<Integer, Integer>> tagVotes, Map<Integer, Long> plays,
                         Map<Integer, Integer> listeners) {

    public static HetrecData empty() {
        return new HetrecData(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public int tagAssignments() {
        return tagVotes.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }
}
