package org.musicdiscovery.core.aggregate;

import java.util.List;

/** What one candidate source produced; {@code failed} marks a source that timed out or errored (degraded answer). */
public record SourceResult(String source, List<Candidate> candidates, boolean failed) {

    public static SourceResult ok(String source, List<Candidate> candidates) {
        return new SourceResult(source, candidates, false);
    }

    public static SourceResult failed(String source) {
        return new SourceResult(source, List.of(), true);
    }
}
