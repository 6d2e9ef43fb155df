package org.musicdiscovery.catalogue;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed hand-made fixture in the real folder layout (yes/complete, yes/small, yes/big, lastfm-hetrec-2k, genres). */
public final class Fixture {

    private Fixture() {
    }

    public static Path dir() {
        try {
            return Path.of(Fixture.class.getResource("/fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
