package org.musicdiscovery.web.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.web.api.ApiProblem;

class CoreGatewayTest {

    /** A core that answers each search only when the test says so. */
    static final class HeldCore extends CoreClient {
        final List<CompletableFuture<byte[]>> pending = new ArrayList<>();

        @Override
        public CompletionStage<byte[]> discover(String requestId, DiscoverRequest request) {
            var answer = new CompletableFuture<byte[]>();
            pending.add(answer);
            return answer;
        }
    }

    private static CoreGateway gatewayTo(HeldCore core, int maxInFlight) {
        CoreGateway gateway = new CoreGateway();
        gateway.core = core;
        gateway.meters = new SimpleMeterRegistry();
        gateway.maxInFlight = maxInFlight;
        return gateway;
    }

    private static Throwable failure(CompletableFuture<?> answer) throws Exception {
        try {
            answer.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void searchesBeyondTheBoundAreRefusedAtOnceAndAdmittedAgainWhenOneEnds() throws Exception {
        HeldCore core = new HeldCore();
        CoreGateway gateway = gatewayTo(core, 2);

        var first = gateway.discover("r1", null).subscribeAsCompletionStage();
        var second = gateway.discover("r2", null).subscribeAsCompletionStage();
        var third = gateway.discover("r3", null).subscribeAsCompletionStage();
        assertTrue(third.isCompletedExceptionally(), "refused without waiting");
        ApiProblem refused = assertInstanceOf(ApiProblem.class, failure(third));
        assertEquals(503, refused.status());
        assertEquals("overloaded", refused.code());
        assertEquals(1, refused.retryAfter());
        assertEquals(2, core.pending.size(), "the refused search never reached core");

        core.pending.get(0).completeExceptionally(new ConnectException("connection reset"));
        assertInstanceOf(CoreUnavailableException.class, failure(first));
        var fourth = gateway.discover("r4", null).subscribeAsCompletionStage();
        assertEquals(3, core.pending.size(), "a failed search gives its place back");

        core.pending.get(1).complete(null);
        second.get(5, TimeUnit.SECONDS);
        core.pending.get(2).complete(null);
        fourth.get(5, TimeUnit.SECONDS);
        gateway.discover("r5", null).subscribeAsCompletionStage();
        gateway.discover("r6", null).subscribeAsCompletionStage();
        assertEquals(5, core.pending.size(), "both places are free again");
        assertEquals(1.0, gateway.meters.counter("discovery.core.overloaded").count());
    }

    @Test
    void aSearchWhoseClientWentAwayKeepsItsPlaceUntilCoreAnswers() throws Exception {
        HeldCore core = new HeldCore();
        CoreGateway gateway = gatewayTo(core, 1);

        gateway.discover("r1", null).subscribe().with(answer -> { }, failure -> { }).cancel();
        assertEquals(1, core.pending.size());
        assertTrue(gateway.discover("r2", null).subscribeAsCompletionStage().isCompletedExceptionally(),
                "core still computes the cancelled search, so its place is still taken");
        assertTrue(!core.pending.get(0).isDone(), "cancelling our client does not cancel the call to core");

        core.pending.get(0).complete(null);
        gateway.discover("r3", null).subscribeAsCompletionStage();
        assertEquals(2, core.pending.size(), "core's answer gives the place back");
    }
}
