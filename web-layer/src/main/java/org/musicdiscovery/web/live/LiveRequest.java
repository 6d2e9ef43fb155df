package org.musicdiscovery.web.live;

import java.util.List;
import java.util.Map;

/**
 * One search-as-you-type message: {@code seq} (the client's sequence number, echoed in the reply) plus either free
 * text {@code q} or an explicit {@code genres} mix, with the same rules as the HTTP endpoints.
 */
public record LiveRequest(Long seq, String q, Map<String, Double> genres, List<String> exclude, String type,
        Integer limit, Integer offset) {
}
