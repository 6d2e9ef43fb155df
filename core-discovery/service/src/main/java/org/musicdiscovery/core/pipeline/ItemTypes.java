package org.musicdiscovery.core.pipeline;

import java.util.Locale;
import java.util.Optional;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

/** The wire names of item types ("song", "playlist", "artist", "any") and their catalogue enum. */
public final class ItemTypes {
    private ItemTypes() {
    }

    /** Empty for "any" or absent; throws IllegalArgumentException for a name that is not a type. */
    public static Optional<ItemType> filter(String wire) {
        if (wire == null || wire.isBlank() || wire.equalsIgnoreCase("any")) {
            return Optional.empty();
        }
        return Optional.of(ItemType.valueOf(wire.trim().toUpperCase(Locale.ROOT)));
    }

    /** "song:123" → the item; empty when it does not have that shape. */
    public static Optional<ItemRef> parseRef(String wire) {
        int colon = wire == null ? -1 : wire.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            Optional<ItemType> type = filter(wire.substring(0, colon));
            long id = Long.parseLong(wire.substring(colon + 1));
            return type.isPresent() && id >= 0 ? Optional.of(new ItemRef(type.get(), id)) : Optional.empty();
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return Optional.empty();
        }
    }

    public static String name(ItemType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
