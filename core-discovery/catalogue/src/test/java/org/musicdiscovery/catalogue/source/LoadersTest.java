package org.musicdiscovery.catalogue.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.catalogue.Fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadersTest {

    @Test
    void completeSongsTrimIdsUnescapeTitlesAndAttachTags() {
        List<YesSong> songs = new YesFolder(Fixture.dir().resolve("yes/complete")).songs();
        assertEquals(21, songs.size());
        assertEquals(new YesSong(0, "Rolling In The Deep", "Adele",
                List.of("pop", "soul", "female vocalists", "00s", "singer-songwriter")), songs.get(0));
        assertEquals("Gucci Time (w/ Swizz Beatz)", songs.get(3).title());
        assertEquals("AC/DC", songs.get(10).artist());
        assertEquals(List.of(), songs.get(17).tags(), "'#' in tags.txt means no tags");
    }

    @Test
    void playlistsSkipTheTwoHeaderLines() {
        List<YesPlaylist> playlists = new YesFolder(Fixture.dir().resolve("yes/small")).playlists();
        assertEquals(6, playlists.size());
        assertEquals(0, playlists.get(0).index());
        assertArrayEquals(new int[]{1, 2, 6, 4}, playlists.get(0).songIds());
        assertArrayEquals(new int[]{0, 3}, playlists.get(5).songIds());
    }

    @Test
    void hetrecReadsLatin1TagsAndCountsVotes() {
        HetrecData data = HetrecLoader.load(Fixture.dir().resolve("lastfm-hetrec-2k"));
        assertEquals("Beyoncé", data.artistNames().get(6));
        assertEquals("rock en español", data.tagNames().get(7));
        assertEquals(2, data.tagVotes().get(1).get(1), "two users tagged Adele 'soul'");
        assertEquals(800L, data.plays().get(1));
        assertEquals(2, data.listeners().get(1));
        assertEquals(17, data.tagAssignments());
    }

    @Test
    void absentHetrecIsEmptyNotAnError(@TempDir Path dir) {
        assertTrue(HetrecLoader.load(dir).artistNames().isEmpty());
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("song_hash.txt"), "0 \tTitle\tArtist\nx1\tBad\tId\n");
        var e = assertThrows(DataFormatException.class, () -> new YesFolder(dir).songs());
        assertTrue(e.getMessage().contains("song_hash.txt:2"), e.getMessage());
        Files.writeString(dir.resolve("song_hash.txt"), "0 only-one-field\n");
        assertThrows(DataFormatException.class, () -> new YesFolder(dir).songs());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        var e = assertThrows(DataFormatException.class, () -> new YesFolder(dir).playlists());
        assertTrue(e.getMessage().contains("missing data file"));
    }
}
