package org.musicdiscovery.web.core;

import org.musicdiscovery.web.api.ApiProblem;

/** Core discovery is down or failing: the gateway answers 503 with a Retry-After hint. */
public class CoreUnavailableException extends ApiProblem {
    public CoreUnavailableException(String message) {
        super(503, "core_unavailable", message + "; please retry shortly", null, 2);
    }
}
