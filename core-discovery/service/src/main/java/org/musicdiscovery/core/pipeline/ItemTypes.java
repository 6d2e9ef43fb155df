package org.musicdiscovery.core.pipeline;

import java.util.Locale;
import java.util.Optional;
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

    public static String name(ItemType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
