package org.musicdiscovery.catalogue.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ItemRefTest {

    @Test
    void typesParseLeniently() {
        assertEquals(Optional.of(ItemType.SONG), ItemType.parse("song")); // the wire spelling, the fast path
        assertEquals(Optional.of(ItemType.SONG), ItemType.parse("Songs"));
        assertEquals(Optional.of(ItemType.PLAYLIST), ItemType.parse("p"));
        assertEquals(Optional.of(ItemType.ARTIST), ItemType.parse(" ARTIST "));
        assertEquals(Optional.empty(), ItemType.parse("any"));
        assertEquals(Optional.empty(), ItemType.parse(null));
    }

    @Test
    void refsRoundTripThroughText() {
        assertEquals(ItemRef.playlist(1000004), ItemRef.parse(ItemRef.playlist(1000004).toString()));
        assertEquals("a:7", ItemRef.artist(7).toString());
        assertThrows(IllegalArgumentException.class, () -> ItemRef.parse("x:1"));
        assertThrows(IllegalArgumentException.class, () -> ItemRef.parse("s:abc"));
        assertThrows(IllegalArgumentException.class, () -> ItemRef.parse("12"));
    }
}
