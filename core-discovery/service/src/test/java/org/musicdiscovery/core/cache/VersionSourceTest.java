package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionSourceTest {

    @Test
    void aKeyVersionNamesExactlyTheIndexVersionsItWasReadWith() {
        String key = "cat-1+embedding@v5,genre@v20261201-2";
        assertTrue(VersionSource.names(key, "genre@v20261201-2"));
        assertTrue(VersionSource.names(key, "embedding@v5"));
        assertFalse(VersionSource.names(key, "genre@v20261201-3"), "the next version answered: not cacheable");
        assertFalse(VersionSource.names(key, "genre@v2026"), "a prefix is not the version");
        assertFalse(VersionSource.names("cat-1+vectors-unavailable", "genre@v1"));
        assertFalse(VersionSource.names("unknown", "genre@v1"));
    }
}
