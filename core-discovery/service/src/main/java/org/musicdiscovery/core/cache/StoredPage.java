package org.musicdiscovery.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ResultItem;

/**
 * A ranked page as JSON, written once: the fields of its {@link DiscoverResponse} that do not depend on the request
 * (not the timings, the cache state, or the parsed query: phrasings that share a key, e.g. weights equal to 1 %, are
 * still told how their own words were read). The same bytes go to the result cache and, with this request's fields
 * spliced in front, to the client; a hit is answered from them without decoding — decoding the page and writing
 * it again was most of a hit's CPU, and a miss used to write its page twice.
 */
final class StoredPage {
    /** What every stored page starts with; anything else was not written by this code and is recomputed. */
    private static final byte[] START = "{\"items\":".getBytes(StandardCharsets.UTF_8);

    /** {@link DiscoverResponse} without its per-request fields; items first, as {@link #START} expects. */
    record Page(List<ResultItem> items, List<String> degraded, DiscoverResponse.Page page) {
    }

    private StoredPage() {
    }

    static byte[] of(ObjectMapper json, DiscoverResponse response) throws JsonProcessingException {
        return json.writeValueAsBytes(new Page(response.items(), response.degraded(), response.page()));
    }

    static boolean isPage(byte[] bytes) {
        return bytes.length > START.length && Arrays.equals(bytes, 0, START.length, START, 0, START.length);
    }

    /** The whole response body: the per-request fields first, then the page's own. */
    static byte[] answer(ObjectMapper json, byte[] page, ParsedQuery parsed, String state,
            Map<String, Double> timings) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("cache", state);
        head.put("timings", timings);
        head.put("parsed", parsed);
        byte[] front;
        try {
            front = json.writeValueAsBytes(head);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("per-request fields not writable", e);
        }
        byte[] body = new byte[front.length + page.length - 1];
        System.arraycopy(front, 0, body, 0, front.length - 1); // without its closing brace
        body[front.length - 1] = ',';
        System.arraycopy(page, 1, body, front.length, page.length - 1); // without its opening brace
        return body;
    }
}
