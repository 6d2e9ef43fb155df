package org.musicdiscovery.catalogue.store;

import org.musicdiscovery.catalogue.model.ItemRef;

/** One keyword search result; scores of all item types share one scale (roughly 0..1, higher is better). */
public record KeywordHit(ItemRef ref, double score) {
}
