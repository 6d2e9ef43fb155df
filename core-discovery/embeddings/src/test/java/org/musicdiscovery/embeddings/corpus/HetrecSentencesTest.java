package org.musicdiscovery.embeddings.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HetrecSentencesTest {

    @TempDir
    Path dir;

    @Test
    void usersBecomeArtistSentencesByDescendingWeightMappedByTextKey() throws IOException {
        Path f = dir.resolve("user_artists.dat");
        Files.writeString(f, "userID\tartistID\tweight\n2\t51\t10\n2\t52\t900\n2\t53\t50\n3\t53\t5\n3\t51\t7\n");
        Map<Integer, String> names = Map.of(51, "Beyoncé", 52, "Simon & Garfunkel", 53, "Nobody Known");
        Map<String, Long> catalogue = Map.of("beyonce", 700L, "simon and garfunkel", 800L);
        HetrecSentences.Result r = HetrecSentences.read(f, names, catalogue);
        assertEquals(List.of(List.of("800", "h53", "700"), List.of("700", "h53")), r.sentences());
        assertEquals(2, r.mappedArtists());
        assertEquals(1, r.unmappedArtists());
    }

    @Test
    void shortRowsAreReportedWithTheirLine() throws IOException {
        Path f = dir.resolve("user_artists.dat");
        Files.writeString(f, "userID\tartistID\tweight\n2\t51\n");
        var e = assertThrows(IllegalArgumentException.class, () -> HetrecSentences.read(f, Map.of(), Map.of()));
        assertEquals(true, e.getMessage().contains(":2:"));
    }
}
