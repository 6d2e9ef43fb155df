package org.musicdiscovery.web.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Conditional GET for answers that change only with the catalogue (item details, the genre vocabulary): a strong
 * ETag over the exact bytes, {@code Cache-Control: public, max-age}, and 304 when the client already holds them.
 */
public final class Caching {
    private Caching() {
    }

    public static String etagOf(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response conditional(HttpHeaders headers, byte[] body, String etag, int maxAgeSeconds) {
        // shared caches may keep it: the same bytes for every caller
        String cc = "public, max-age=" + maxAgeSeconds;
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        EntityTag tag = EntityTag.valueOf(etag);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(t -> t.equals(etag) || t.equals("W/" + etag)))) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cc).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).header(HttpHeaders.CACHE_CONTROL, cc).build();
    }
}
