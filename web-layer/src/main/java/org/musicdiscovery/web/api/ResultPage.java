package org.musicdiscovery.web.api;

import java.util.List;
import java.util.Map;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ResultItem;

/**
 * A page of results as the public API shapes it: core's answer plus paging ({@code page.next} is the offset of the
 * next page, null on the last one).
 */
public record ResultPage(List<ResultItem> items, ParsedQuery parsed, List<String> degraded, Page page,
        Map<String, Double> timings, String cache) {

    public record Page(int offset, int limit, Integer next) {
    }

    public static ResultPage of(DiscoverResponse r, DiscoverRequest request, int maxOffset) {
        int offset = request.offset();
        int limit = request.limit();
        boolean more = r.items().size() == limit && offset + limit <= maxOffset;
        return new ResultPage(r.items(), r.parsed(), r.degraded(), new Page(offset, limit, more ? offset + limit : null),
                r.timings(), r.cache());
    }
}
