package org.musicdiscovery.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.platform.ApiError;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.api.ApiProblem;
import org.musicdiscovery.web.api.JsonBodies;
import org.musicdiscovery.web.api.RequestValidator;
import org.musicdiscovery.web.auth.Authenticator;
import org.musicdiscovery.web.auth.Caller;
import org.musicdiscovery.web.core.CoreGateway;
import org.musicdiscovery.web.core.CoreUnavailableException;

/**
 * One page's connection. Each message is validated and sent to core without waiting for earlier ones; at most
 * {@value #MAX_IN_FLIGHT} run at once and, past that, only the newest waits (the one it replaces is answered
 * {@code superseded}): a fast typist never queues stale work, and the last keystroke is always answered.
 * Replies: {@code {seq, requestId, result}} or {@code {seq, requestId, error, retryAfter?}} or {@code {seq, superseded}}.
 */
final class LiveSession {
    static final int MAX_IN_FLIGHT = 2;
    private static final Logger ACCESS = Logger.getLogger("web.live.access");

    private final ServerWebSocket ws;
    private final Caller caller;
    private final Authenticator auth;
    private final RequestValidator validate;
    private final CoreGateway core;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    /**
     * Off the event loop (validation may fetch the genre vocabulary once a minute) but in arrival order: one
     * virtual thread per connection takes the messages as they came, so "newest" means the client's newest.
     */
    private final ExecutorService inOrder = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private int inFlight;
    private Job pending;

    private record Job(long seq, String requestId, DiscoverRequest request, long startedNanos) {
    }

    LiveSession(ServerWebSocket ws, Caller caller, Authenticator auth, RequestValidator validate, CoreGateway core,
            ObjectMapper json, MeterRegistry meters) {
        this.ws = ws;
        this.caller = caller;
        this.auth = auth;
        this.validate = validate;
        this.core = core;
        this.json = json;
        this.meters = meters;
    }

    void onText(String text) {
        inOrder.execute(() -> accept(text));
    }

    void close() {
        inOrder.shutdownNow();
    }

    private void accept(String text) {
        long started = System.nanoTime();
        String requestId = RequestIds.generate();
        Long seq = null;
        try {
            if (text == null) {
                throw new ApiProblem(400, "text_required", "messages must be JSON text frames", null, null);
            }
            LiveRequest r = JsonBodies.read(text, LiveRequest.class);
            seq = r.seq();
            if (seq == null || seq < 0) {
                throw new ApiProblem(400, "invalid_seq", "seq (a non-negative integer) is required", "seq", null);
            }
            DiscoverRequest request = toDiscover(r);
            auth.admit(caller);
            submit(new Job(seq, requestId, request, started));
        } catch (ApiProblem p) {
            answerError(seq, requestId, p, started);
        }
    }

    private DiscoverRequest toDiscover(LiveRequest r) {
        String type = validate.type(r.type());
        int limit = validate.limit(r.limit());
        int offset = validate.offset(r.offset());
        if (r.genres() != null) {
            return DiscoverRequest.mix(validate.mix(r.genres()), validate.exclude(r.exclude()), type, limit, offset);
        }
        return DiscoverRequest.keyword(validate.query(r.q()), type, limit, offset);
    }

    private void submit(Job job) {
        Job replaced = null;
        synchronized (this) {
            if (inFlight < MAX_IN_FLIGHT) {
                inFlight++;
            } else if (pending != null && pending.seq() > job.seq()) {
                replaced = job; // a client that numbers out of order: the higher seq still wins
                job = null;
            } else {
                replaced = pending;
                pending = job;
                job = null;
            }
        }
        if (replaced != null) {
            send(Map.of("seq", replaced.seq(), "requestId", replaced.requestId(), "superseded", true));
            log(replaced, "superseded", replaced.startedNanos());
        }
        if (job != null) {
            start(job);
        }
    }

    private void start(Job job) {
        core.discover(job.requestId(), job.request()).subscribe().with(response -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("seq", job.seq());
            reply.put("requestId", job.requestId());
            reply.put("result", new RawValue(new String(response, StandardCharsets.UTF_8))); // core's page, as is
            send(reply);
            log(job, "200", job.startedNanos());
            finished();
        }, failure -> {
            answerError(job.seq(), job.requestId(), failure instanceof ApiProblem p ? p
                    : new CoreUnavailableException("core discovery failed"), job.startedNanos());
            finished();
        });
    }

    private void finished() {
        Job next;
        synchronized (this) {
            inFlight--;
            next = pending;
            pending = null;
            if (next != null) {
                inFlight++;
            }
        }
        if (next != null) {
            start(next);
        }
    }

    private void answerError(Long seq, String requestId, ApiProblem p, long started) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("seq", seq);
        reply.put("requestId", requestId);
        reply.put("error", new ApiError.Detail(p.code(), p.getMessage(), p.field()));
        if (p.retryAfter() != null) {
            reply.put("retryAfter", p.retryAfter());
        }
        send(reply);
        ACCESS.infof("ws seq=%s %d %s %.1fms rid=%s", seq, p.status(), p.code(), (System.nanoTime() - started) / 1e6,
                requestId);
        meters.counter("web.live.messages", "outcome", String.valueOf(p.status())).increment();
    }

    private void log(Job job, String outcome, long started) {
        ACCESS.infof("ws seq=%d %s %.1fms rid=%s", job.seq(), outcome, (System.nanoTime() - started) / 1e6,
                job.requestId());
        meters.counter("web.live.messages", "outcome", outcome).increment();
    }

    private void send(Object reply) {
        if (ws.isClosed()) {
            return;
        }
        try {
            ws.writeTextMessage(json.writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
