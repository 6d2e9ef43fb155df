package org.musicdiscovery.core.populate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.api.ResultItem;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.core.score.MixScorer;
import org.musicdiscovery.core.pipeline.ItemTypes;

/** Maps catalogue details onto the wire result. */
public final class ResultItems {
    private ResultItems() {
    }

    public static ResultItem of(EntityDetail d, double score, List<MixScorer.Why> why) {
        Map<String, Double> genres = new LinkedHashMap<>();
        // shares are stored as floats; four decimals is what a person or a chart can use
        d.genres().forEach(g -> genres.put(g.genre(), round(g.weight())));
        return new ResultItem(ItemTypes.name(d.ref().type()), d.ref().id(), d.title(), d.artistName(), genres,
                d.size(), d.popularity(), round(score), why == null ? null
                : why.stream().map(w -> new ResultItem.Why(w.genre(), round(w.query()), round(w.item()))).toList());
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
