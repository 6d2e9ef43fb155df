package org.musicdiscovery.platform;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The {@code X-Request-Id} that makes one user request traceable through web-layer, core-discovery and
 * vector-search: accepted from the caller when well-formed (so a client or proxy can correlate), generated
 * otherwise, echoed in every response, written in access logs and the log MDC, and forwarded on every REST client
 * call made while serving the request ({@link RequestIdFilters}).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Printable, short, no spaces: a caller's id must not be able to forge log lines or bloat headers. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if it is well-formed, else a new one. */
    public static String acceptOrNew(String given) {
        return given != null && VALID.matcher(given).matches() ? given : generate();
    }

    /** 16 hex digits: unique enough to find one request in a day of logs, short enough to read. */
    public static String generate() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** The id of the request being served on this thread (or propagated to it), or null outside a request. */
    public static String current() {
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            String id = container.instance(CurrentRequestId.class).get().value();
            if (id != null) {
                return id;
            }
        }
        Object mdc = MDC.get(MDC_KEY);
        return mdc == null ? null : mdc.toString();
    }
}
