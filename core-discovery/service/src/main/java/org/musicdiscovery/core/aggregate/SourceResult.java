package org.musicdiscovery.core.aggregate;

import java.util.List;

/**
 * What one candidate source produced; {@code failed} marks a source that timed out or errored (degraded answer).
 * {@code version} is the index version that answered ({@code collection@version}), null for sources without one.
 */
public record SourceResult(String source, List<Candidate> candidates, boolean failed, String version) {

    public static SourceResult ok(String source, List<Candidate> candidates) {
        return new SourceResult(source, candidates, false, null);
    }

    public static SourceResult ok(String source, List<Candidate> candidates, String version) {
        return new SourceResult(source, candidates, false, version);
    }

    public static SourceResult failed(String source) {
        return new SourceResult(source, List.of(), true, null);
    }
}
