package org.musicdiscovery.web.auth;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.keys.KeyStore;
import org.musicdiscovery.web.api.ApiProblem;
import org.musicdiscovery.web.limit.RateLimiter;

/**
 * The public API's access rules, shared by the REST filter and the WebSocket upgrade:
 * <ul>
 * <li>no key: anonymous, limited per client address ({@code discovery.auth.anonymous=false} makes a key
 * required: 401);</li>
 * <li>a key that was never issued, or a malformed header: 401 (a typo must not silently downgrade a client to
 * the anonymous limit);</li>
 * <li>a revoked key: 403;</li>
 * <li>over the caller's limit: 429 with Retry-After.</li>
 * </ul>
 */
@ApplicationScoped
public class Authenticator {
    public static final String KEY_HEADER = "X-Api-Key";

    @Inject
    KeyCache keys;
    @Inject
    RateLimiter limiter;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "discovery.auth.anonymous")
    boolean anonymousAllowed;
    @ConfigProperty(name = "discovery.limits.anonymous-per-minute")
    int anonymousPerMinute;
    @ConfigProperty(name = "discovery.limits.anonymous-burst")
    int anonymousBurst;
    @ConfigProperty(name = "discovery.limits.key-burst-seconds")
    int keyBurstSeconds;

    /** Identifies the caller from its headers; throws the 401/403 {@link ApiProblem}. */
    public Caller identify(String authorization, String apiKeyHeader, String address) {
        String key = presentedKey(authorization, apiKeyHeader);
        if (key == null) {
            if (!anonymousAllowed) {
                throw refuse(401, "api_key_required", "an API key is required: send Authorization: Bearer <key> or "
                        + KEY_HEADER);
            }
            return new Caller(null, "anonymous", "ip:" + address, anonymousPerMinute, anonymousBurst);
        }
        KeyStore.StoredKey stored = keys.lookup(key).orElseThrow(() -> refuse(401, "invalid_api_key",
                "the API key is not valid"));
        if (stored.revoked()) {
            throw refuse(403, "api_key_revoked", "the API key was revoked");
        }
        int burst = (int) Math.max(1, Math.ceil(stored.ratePerMinute() * keyBurstSeconds / 60.0));
        return new Caller(stored.id(), stored.name(), "key:" + stored.id(), stored.ratePerMinute(), burst);
    }

    /** Whether {@link #identify} would ask PostgreSQL: an event loop hands such a request to a worker first. */
    public boolean mayBlock(String authorization, String apiKeyHeader) {
        String key;
        try {
            key = presentedKey(authorization, apiKeyHeader);
        } catch (ApiProblem p) {
            return false;
        }
        return key != null && !keys.holds(key);
    }

    /** Takes one request from the caller's budget; throws 429 when it is spent. */
    public RateLimiter.Decision admit(Caller caller) {
        RateLimiter.Decision d = limiter.acquire(caller.bucket(), caller.perMinute(), caller.burst());
        if (!d.allowed()) {
            meters.counter("web.ratelimit.rejected", "caller", caller.anonymous() ? "anonymous" : "key").increment();
            throw new ApiProblem(429, "rate_limited", "rate limit of " + caller.perMinute()
                    + " requests/minute exceeded; retry in " + d.retryAfterSeconds() + " s", null, d.retryAfterSeconds());
        }
        return d;
    }

    /** Requires a key (for endpoints about the key itself). */
    public void requireKey(Caller caller) {
        if (caller.anonymous()) {
            throw refuse(401, "api_key_required", "this endpoint needs an API key");
        }
    }

    private String presentedKey(String authorization, String apiKeyHeader) {
        if (authorization != null && !authorization.isBlank()) {
            String a = authorization.strip();
            if (!a.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw refuse(401, "invalid_authorization", "Authorization must be 'Bearer <API key>'");
            }
            return a.substring(7).strip();
        }
        return apiKeyHeader == null || apiKeyHeader.isBlank() ? null : apiKeyHeader.strip();
    }

    private ApiProblem refuse(int status, String code, String message) {
        meters.counter("web.auth.rejected", "code", code).increment();
        return new ApiProblem(status, code, message, null, null);
    }
}
