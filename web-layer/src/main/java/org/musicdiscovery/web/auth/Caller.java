package org.musicdiscovery.web.auth;

/**
 * Who is calling: an API key's owner, or an anonymous client known only by its address. {@code bucket} is the
 * rate-limit identity; {@code keyId} is null for anonymous callers.
 */
public record Caller(Long keyId, String name, String bucket, int perMinute, int burst) {

    public boolean anonymous() {
        return keyId == null;
    }
}
