package org.musicdiscovery.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

/** Merging by item, degraded sources, and the similarity fallback; the sources answer from fixed lists. */
class CandidateAggregatorTest {
    static final Candidate.Facts FACTS = new Candidate.Facts(12, 0xabcL);

    final List<String> keywordAsked = new ArrayList<>();

    CandidateAggregator aggregator(SourceResult genre, SourceResult keyword, SourceResult similar) {
        var a = new CandidateAggregator();
        a.genre = new GenreSource() {
            @Override
            public CompletionStage<SourceResult> candidates(Map<String, Double> mix, List<String> types, int k) {
                return CompletableFuture.completedFuture(genre);
            }
        };
        a.keyword = new KeywordSource() {
            @Override
            public CompletionStage<SourceResult> candidates(String text, Optional<ItemType> type, int limit) {
                keywordAsked.add(text);
                return CompletableFuture.completedFuture(keyword);
            }
        };
        a.similar = new SimilarSource() {
            @Override
            public CompletionStage<SourceResult> candidates(ParsedQuery.Seed seed, List<String> types, int k) {
                return CompletableFuture.completedFuture(similar);
            }
        };
        return a;
    }

    static Candidate vector(long id) {
        return new Candidate(ItemRef.song(id), Map.of("soul", 1.0), 0, 0.9, Set.of("vector"), FACTS);
    }

    static Candidate keyword(long id, double relevance) {
        return new Candidate(ItemRef.song(id), null, relevance, 0, Set.of("keyword"));
    }

    static ParsedQuery query(ParsedQuery.Mode mode, List<String> artists, ParsedQuery.Seed seed) {
        return new ParsedQuery(mode, null, Map.of("soul", 1.0), List.of(), artists, seed, "soul");
    }

    @Test
    void anItemTwoSourcesFoundKeepsWhatEachKnew() {
        var a = aggregator(SourceResult.ok("vector", List.of(vector(1), vector(2)), "genre@v7"),
                SourceResult.ok("keyword", List.of(keyword(2, 0.8), keyword(3, 1.0))), null);
        var out = a.collect(query(ParsedQuery.Mode.genre, List.of("Aretha Franklin"), null), 100);
        assertEquals(List.of("Aretha Franklin"), keywordAsked, "named artists are searched by keyword too");
        assertEquals(List.of(ItemRef.song(1), ItemRef.song(2), ItemRef.song(3)),
                out.candidates().stream().map(Candidate::ref).toList());
        Candidate both = out.candidates().get(1);
        assertEquals(Map.of("soul", 1.0), both.genres());
        assertEquals(0.8, both.keyword());
        assertEquals(0.9, both.similarity());
        assertEquals(FACTS, both.facts(), "the facts vector-search sent survive the merge");
        assertEquals(Set.of("vector", "keyword"), both.sources());
        assertNull(out.candidates().get(2).facts(), "a keyword-only item is ranked from its details");
        assertEquals(List.of(), out.degraded());
        assertEquals(List.of("genre@v7"), out.versions());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10) // the code before waited forever
    void aSourceThatNeverCompletesDegradesTheAnswerByTheDeadline() {
        var a = aggregator(null, SourceResult.ok("keyword", List.of(keyword(3, 1.0))), null);
        a.genre = new GenreSource() { // as when no worker thread is free to complete it, nor its timeout
            @Override
            public CompletionStage<SourceResult> candidates(Map<String, Double> mix, List<String> types, int k) {
                return new CompletableFuture<>();
            }
        };
        a.waitMs = 100;
        long t0 = System.nanoTime();
        var out = a.collect(query(ParsedQuery.Mode.genre, List.of("Aretha Franklin"), null), 100);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 100 && ms < 2000, "waited " + ms + " ms");
        assertEquals(List.of("vector"), out.degraded());
        assertEquals(List.of(ItemRef.song(3)), out.candidates().stream().map(Candidate::ref).toList(),
                "the sources that answered still count");
    }

    @Test
    void aFailedSourceDegradesTheAnswerInsteadOfFailingIt() {
        var a = aggregator(SourceResult.failed("vector"), SourceResult.ok("keyword", List.of(keyword(3, 1.0))),
                null);
        var out = a.collect(query(ParsedQuery.Mode.genre, List.of("Aretha Franklin"), null), 100);
        assertEquals(List.of("vector"), out.degraded());
        assertEquals(List.of(ItemRef.song(3)), out.candidates().stream().map(Candidate::ref).toList());
        assertEquals(List.of(), out.versions());
    }

    @Test
    void aSeedTheEmbeddingsDoNotKnowIsSearchedByItsWords() {
        var a = aggregator(null, SourceResult.ok("keyword", List.of(keyword(5, 1.0))),
                SourceResult.ok("similar", List.of(), "embedding@v2"));
        var out = a.collect(query(ParsedQuery.Mode.similar, List.of(), new ParsedQuery.Seed("Think", "Aretha")), 50);
        assertEquals(List.of("Think Aretha"), keywordAsked);
        assertEquals(List.of(ItemRef.song(5)), out.candidates().stream().map(Candidate::ref).toList());
        assertEquals(List.of(), out.degraded(), "an unknown seed is not a failure");
    }
}
