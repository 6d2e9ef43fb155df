package org.musicdiscovery.catalogue.model;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of catalogue item, each with the one-letter code used in keys, tables and exports. */
public enum ItemType {
    SONG("s"), PLAYLIST("p"), ARTIST("a");

    private final String code;

    ItemType(String code) {
        this.code = code;
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
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("s") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        for (ItemType type : values()) {
            if (type.code.equals(t) || type.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
