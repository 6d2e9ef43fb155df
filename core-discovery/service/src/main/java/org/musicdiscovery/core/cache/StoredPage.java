package org.musicdiscovery.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;

/**
 * How a ranked page is stored in the result cache: the JSON of its {@link DiscoverResponse} without the per-request
 * fields (timings, cache state, and the parsed query: phrasings that share a key, e.g. weights equal to 1 %, are
 * still told how their own words were read). A hit is answered with those bytes as they are, the per-request
 * fields spliced in front — decoding the page and writing it again was most of a hit's CPU.
 */
final class StoredPage {
    /** What every stored page starts with; anything else was not written by this code and is recomputed. */
    private static final byte[] START = "{\"items\":".getBytes(StandardCharsets.UTF_8);
    private static final List<String> PER_REQUEST = List.of("timings", "cache", "parsed");

    private StoredPage() {
    }

    static byte[] of(ObjectMapper json, DiscoverResponse response) throws JsonProcessingException {
        ObjectNode page = json.valueToTree(response);
        page.remove(PER_REQUEST);
        return json.writeValueAsBytes(page);
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
            throw new IllegalStateException("timings not writable", e);
        }
        byte[] body = new byte[front.length + page.length - 1];
        System.arraycopy(front, 0, body, 0, front.length - 1); // without its closing brace
        body[front.length - 1] = ',';
        System.arraycopy(page, 1, body, front.length, page.length - 1); // without its opening brace
        return body;
    }
}
