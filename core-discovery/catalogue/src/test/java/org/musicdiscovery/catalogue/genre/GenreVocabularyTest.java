package org.musicdiscovery.catalogue.genre;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.Fixture;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenreVocabularyTest {

    private final GenreVocabulary vocabulary = GenreVocabulary.load(Fixture.dir());

    @Test
    void treeGivesParentsAndDepths() {
        assertEquals(new Genre("rock", null, 0), vocabulary.genre("rock").orElseThrow());
        assertEquals(new Genre("indie rock", "alternative rock", 2), vocabulary.genre("indie rock").orElseThrow());
        assertEquals(List.of("soul", "rhythm and blues"), vocabulary.ancestors("neo soul"));
        assertTrue(vocabulary.children("rhythm and blues").containsAll(List.of("funk", "soul")));
    }

    @Test
    void aNameListedTwiceInTheTreeKeepsItsFirstParent() {
        assertEquals("alternative metal", vocabulary.genre("funk metal").orElseThrow().parent());
    }

    @Test
    void namesOnlyInGenresTxtHangUnderTheLongestTreeSuffix() {
        assertEquals("rock", vocabulary.genre("classic rock").orElseThrow().parent());
        assertEquals(1, vocabulary.genre("classic rock").orElseThrow().depth());
        assertEquals("soul", vocabulary.genre("british soul").orElseThrow().parent());
        assertEquals(new Genre("dance", null, 0), vocabulary.genre("dance").orElseThrow());
    }

    @Test
    void spellingsResolveThroughNormalisationAndAliases() {
        assertEquals(Optional.of("hip hop"), vocabulary.canonical("Hip-Hop"));
        assertEquals(Optional.of("hip hop"), vocabulary.canonical("hiphop"));
        assertEquals(Optional.of("hip hop"), vocabulary.canonical(" HIP  HOP "));
        assertEquals(Optional.of("rhythm and blues"), vocabulary.canonical("R&B"));
        assertEquals(Optional.of("rhythm and blues"), vocabulary.canonical("rnb"));
        assertEquals(Optional.of("rhythm and blues"), vocabulary.canonical("Rhythm & Blues"));
        assertEquals(Optional.of("rock and roll"), vocabulary.canonical("rock'n'roll"));
        assertEquals(Optional.of("rock and roll"), vocabulary.canonical("Rock n Roll"));
        assertEquals(Optional.of("drum and bass"), vocabulary.canonical("dnb"));
        assertEquals(Optional.of("drum and bass"), vocabulary.canonical("Drum & Bass"));
        assertEquals(Optional.of("jùjú"), vocabulary.canonical("juju"));
        assertEquals(Optional.empty(), vocabulary.canonical("favorites"));
        assertEquals(Optional.empty(), vocabulary.canonical(""));
        assertEquals(Optional.empty(), vocabulary.canonical(null));
    }

    @Test
    void genresTxtNamesNamedByAnAliasMergeIntoTheTarget() {
        assertFalse(vocabulary.genre("rap").isPresent(), "rap is an alias of hip hop, not its own dimension");
        assertFalse(vocabulary.genre("metal").isPresent());
        assertFalse(vocabulary.genre("hip hop & rap").isPresent());
        assertEquals(Optional.of("heavy metal"), vocabulary.canonical("metal"));
        assertEquals(Optional.of("soul"), vocabulary.canonical("soul music"));
        assertTrue(vocabulary.isAlias("rap"));
        assertFalse(vocabulary.isAlias("Hip-Hop"));
        assertEquals("hip hop", vocabulary.aliases().get("rap"));
    }

    @Test
    void aliasesWhoseTargetIsMissingAreReportedNotFatal() {
        assertTrue(vocabulary.unresolvedAliases().stream().anyMatch(a -> a.startsWith("lounge ->")));
    }

    @Test
    void missingTreeIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> GenreVocabulary.load(Path.of("/nonexistent")));
        assertTrue(e.getMessage().contains("genre tree"));
    }
}
