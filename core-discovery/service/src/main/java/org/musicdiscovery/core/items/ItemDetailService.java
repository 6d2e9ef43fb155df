package org.musicdiscovery.core.items;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.api.ResultItem;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.ItemContents;
import org.musicdiscovery.core.cache.ResultCache;
import org.musicdiscovery.core.populate.DetailPopulator;
import org.musicdiscovery.core.populate.ResultItems;

/**
 * One item in full: its details plus the songs or playlists a detail page lists, all described through the same
 * populate stage as search results (one Redis MGET for the item and its lists, PostgreSQL for what Redis lacks).
 */
@ApplicationScoped
public class ItemDetailService {
    @Inject
    DetailPopulator populator;
    @Inject
    ItemContents contents;
    @Inject
    ResultCache cache;

    public Optional<ItemDetails> details(ItemRef ref) {
        EntityDetail self = populator.populate(List.of(ref)).get(ref);
        if (self == null) {
            return Optional.empty();
        }
        List<ItemRef> songs = switch (ref.type()) {
            case PLAYLIST -> contents.playlistSongs(ref.id(), ItemDetails.MAX_SONGS);
            case ARTIST -> contents.artistSongs(ref.id(), ItemDetails.MAX_SONGS);
            case SONG -> List.of();
        };
        List<ItemRef> playlists = switch (ref.type()) {
            case SONG -> contents.songPlaylists(ref.id(), ItemDetails.MAX_PLAYLISTS);
            default -> List.of();
        };
        List<ItemRef> all = new ArrayList<>(songs);
        all.addAll(playlists);
        Map<ItemRef, EntityDetail> described = populator.populate(all);
        return Optional.of(new ItemDetails(ResultItems.of(self, 0, null), self.artistId(),
                songs.isEmpty() ? null : items(songs, described), playlists.isEmpty() ? null : items(playlists, described),
                cache.catalogueVersion().orElse("unknown")));
    }

    private static List<ResultItem> items(List<ItemRef> refs, Map<ItemRef, EntityDetail> described) {
        return refs.stream().filter(described::containsKey).map(r -> ResultItems.of(described.get(r), 0, null)).toList();
    }
}
