package org.musicdiscovery.catalogue.model;

/** Identifies one catalogue item; printed as {@code s:123}, {@code p:1000004}, {@code a:7}. */
public record ItemRef(ItemType type, long id) {

    public ItemRef {
        if (type == null) {
            throw new IllegalArgumentException("item type is required");
        }
    }

    public static ItemRef song(long id) {
        return new ItemRef(ItemType.SONG, id);
    }

    public static ItemRef playlist(long id) {
        return new ItemRef(ItemType.PLAYLIST, id);
    }

    public static ItemRef artist(long id) {
        return new ItemRef(ItemType.ARTIST, id);
    }

    /** Parses {@code s:123}. */
    public static ItemRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("item ref must look like s:123, got '" + text + "'");
        }
        try {
            return new ItemRef(ItemType.fromCode(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("item ref must look like s:123, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return type.code() + ":" + id;
    }
}
