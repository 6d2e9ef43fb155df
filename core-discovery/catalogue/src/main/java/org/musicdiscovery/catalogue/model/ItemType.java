package org.musicdiscovery.catalogue.model;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of catalogue item, each with the one-letter code used in keys, tables and exports. */
public enum ItemType {
    SONG("s"), PLAYLIST("p"), ARTIST("a");

    private static final ItemType[] VALUES = values();

    private final String code;
    private final String wire; // the lower-case name every wire contract uses
    private final Optional<ItemType> parsed = Optional.of(this);

    ItemType(String code) {
        this.code = code;
        this.wire = name().toLowerCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    public static ItemType fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown item type code '" + code + "'"));
    }

    /** Lenient: "s", "song", "Songs", "PLAYLIST", "a", "artists" ...; empty for anything else (e.g. "any"). */
    public static Optional<ItemType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ItemType type : VALUES) { // the wire's own spelling, as every candidate from vector-search has it
            if (type.wire.equals(text)) {
                return type.parsed;
            }
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("s") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        for (ItemType type : VALUES) {
            if (type.code.equals(t) || type.wire.equals(t)) {
                return type.parsed;
            }
        }
        return Optional.empty();
    }
}
