package org.musicdiscovery.embeddings.corpus;

import org.musicdiscovery.catalogue.model.TextKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * HetRec user–artist lists as artist sentences: each user's artists ordered by play weight (heaviest first, so a
 * window holds artists the user plays similarly often). An artist whose name's {@link TextKey} is a catalogue
 * artist becomes that catalogue id; the others stay in the sentence as {@code h<hetrecId>} so they still connect
 * catalogue artists that share listeners (they are trained but never exported).
 */
public final class HetrecSentences {

    public static final String UNMAPPED_PREFIX = "h";

    private HetrecSentences() {
    }

    /** Result: the sentences plus how many distinct HetRec artists were mapped to the catalogue. */
    public record Result(List<List<String>> sentences, int mappedArtists, int unmappedArtists) {
    }

    /**
     * @param userArtists  {@code user_artists.dat} (header line, then {@code userID TAB artistID TAB weight})
     * @param hetrecNames  HetRec artist id → name ({@code HetrecLoader.load(dir).artistNames()})
     * @param catalogueIds catalogue artist id by name key
     */
    public static Result read(Path userArtists, Map<Integer, String> hetrecNames, Map<String, Long> catalogueIds) {
        record Play(int artist, long weight) {
        }
        Map<Integer, List<Play>> byUser = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(userArtists, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IllegalArgumentException(userArtists + ":" + (i + 1) + ": expected userID, artistID, weight");
            }
            byUser.computeIfAbsent(Integer.parseInt(f[0].strip()), k -> new ArrayList<>())
                    .add(new Play(Integer.parseInt(f[1].strip()), Long.parseLong(f[2].strip())));
        }
        Set<Integer> mapped = new HashSet<>();
        Set<Integer> unmapped = new HashSet<>();
        List<List<String>> sentences = new ArrayList<>(byUser.size());
        for (List<Play> plays : byUser.values()) {
            plays.sort(Comparator.comparingLong((Play p) -> -p.weight()).thenComparingInt(Play::artist));
            List<String> sentence = new ArrayList<>(plays.size());
            for (Play p : plays) {
                Long id = catalogueIds.get(TextKey.of(hetrecNames.get(p.artist())));
                if (id != null) {
                    mapped.add(p.artist());
                    sentence.add(Long.toString(id));
                } else {
                    unmapped.add(p.artist());
                    sentence.add(UNMAPPED_PREFIX + p.artist());
                }
            }
            sentences.add(sentence);
        }
        return new Result(sentences, mapped.size(), unmapped.size());
    }
}
