package org.musicdiscovery.api;

import java.util.List;
import java.util.Map;

/**
 * Core discovery's answer: a ranked page of fully described items.
 *
 * @param items    the page, best first
 * @param parsed   how the query was understood
 * @param degraded candidate sources that failed or timed out (the answer is partial, not failed)
 * @param timings  milliseconds per pipeline stage
 * @param cache    "hit", "miss" or "bypass" (result cache unavailable)
 */
public record DiscoverResponse(List<ResultItem> items, ParsedQuery parsed, List<String> degraded,
        Map<String, Double> timings, String cache) {
}
