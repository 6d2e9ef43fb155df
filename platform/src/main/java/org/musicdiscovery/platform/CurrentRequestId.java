package org.musicdiscovery.platform;

import jakarta.enterprise.context.RequestScoped;

/**
 * The request id as a request-scoped bean: context propagation carries the request context into the worker
 * threads of asynchronous fault-tolerant calls, where a thread-local MDC value would be lost.
 */
@RequestScoped
public class CurrentRequestId {
    private String value;

    public String value() {
        return value;
    }

    void set(String value) {
        this.value = value;
    }
}
