package org.musicdiscovery.core.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.core.score.MixScorer;
import org.musicdiscovery.core.score.Ranker.Ranked;

/**
 * Removes what the user should not see, keeping rank order: items of another type than asked, items whose mix is
 * mostly made of excluded genres, and later versions of a song already shown (same normalised title + primary
 * artist), and the similarity seed itself.
 */
public final class ResultFilter {
    /** An item with at least this share of excluded genres is dropped outright (below it, the score penalises). */
    public static final double EXCLUDED_SHARE_LIMIT = 0.25;

    private ResultFilter() {
    }

    public static List<Ranked> apply(List<Ranked> ranked, Optional<ItemType> type, Set<String> excluded,
            Set<ItemRef> seeds) {
        List<Ranked> kept = new ArrayList<>(ranked.size());
        Set<Long> seen = new HashSet<>();
        for (Ranked r : ranked) {
            ItemRef ref = r.candidate().ref();
            if (type.isPresent() && ref.type() != type.get() || seeds.contains(ref)) {
                continue;
            }
            if (!excluded.isEmpty()
                    && MixScorer.excludedShare(r.mix(), excluded) >= EXCLUDED_SHARE_LIMIT) {
                continue;
            }
            if (ref.type() == ItemType.SONG
                    && !seen.add(r.duplicate())) {
                continue;
            }
            kept.add(r);
        }
        return kept;
    }
}
