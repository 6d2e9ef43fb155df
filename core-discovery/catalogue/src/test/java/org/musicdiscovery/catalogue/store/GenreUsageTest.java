package org.musicdiscovery.catalogue.store;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.TestStack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenreUsageTest {

    @Test
    void listsTheGenresTheCatalogueUsesWithTheirCounts() throws Exception {
        long dims = TestStack.fixtureIngested().export().dims();
        List<GenreUsage> used = GenreUsage.load(TestStack.dataSource());
        assertEquals(dims, used.size(), "same genres as the exported dimensions");
        GenreUsage soul = used.stream().filter(u -> u.genre().equals("soul")).findFirst().orElseThrow();
        assertEquals("rhythm and blues", soul.parent());
        assertEquals("Soul", soul.displayName());
        assertTrue(soul.songs() >= 6, "Adele and soul classics: " + soul.songs());
        assertTrue(soul.playlists() >= 3);
        for (int i = 1; i < used.size(); i++) {
            assertTrue(used.get(i - 1).songs() >= used.get(i).songs());
        }
        assertTrue(used.stream().noneMatch(u -> u.genre().equals("rap")), "rap is an alias of hip hop");
    }
}
