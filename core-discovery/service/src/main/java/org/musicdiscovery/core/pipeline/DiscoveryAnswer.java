package org.musicdiscovery.core.pipeline;

import org.musicdiscovery.api.DiscoverResponse;

/** What the pipeline answers: a page it computed, or a cached page's JSON as stored, ready to send. */
public sealed interface DiscoveryAnswer {
    /** The response body. */
    Object entity();

    record Computed(DiscoverResponse response) implements DiscoveryAnswer {
        @Override
        public Object entity() {
            return response;
        }
    }

    /** @param json a whole {@link DiscoverResponse} body */
    record Stored(byte[] json) implements DiscoveryAnswer {
        @Override
        public Object entity() {
            return json;
        }
    }
}
