package org.musicdiscovery.catalogue.source;

/**
 * One radio playlist of a yes.com {@code train.txt}.
 *
 * @param index   0-based position after the two header lines (stable: the natural id within its folder)
 * @param songIds song ids into the same folder's {@code song_hash.txt}, in play order
 */
public record YesPlaylist(int index, int[] songIds) {
}
