package org.musicdiscovery.api;

import java.util.List;
import java.util.Map;

/**
 * Core discovery's answer: a ranked page of fully described items. The web layer sends it to the public API as core
 * wrote it, without decoding it, so this record is the public result page's shape too.
 *
 * @param items    the page, best first
 * @param parsed   how the query was understood
 * @param degraded candidate sources that failed or timed out (the answer is partial, not failed)
 * @param page     where this page lies and where the next one starts
 * @param timings  milliseconds per pipeline stage
 * @param cache    "hit", "miss" or "bypass" (result cache unavailable)
 */
public record DiscoverResponse(List<ResultItem> items, ParsedQuery parsed, List<String> degraded, Page page,
        Map<String, Double> timings, String cache) {

    /** @param next the offset of the next page; null on the last one, or when it would pass the largest offset */
    public record Page(int offset, int limit, Integer next) {

        /** A full page may have a successor; a short one is the last. */
        public static Page of(int offset, int limit, int returned, int maxOffset) {
            boolean more = returned == limit && offset + limit <= maxOffset;
            return new Page(offset, limit, more ? offset + limit : null);
        }
    }
}
