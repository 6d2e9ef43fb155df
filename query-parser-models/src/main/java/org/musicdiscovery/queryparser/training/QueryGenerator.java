package org.musicdiscovery.queryparser.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.lexicon.QuantifierScale;

/**
 * Fills {@link Templates} with real genre spellings (aliases included), real artist and track names, quantifier
 * phrases and percentages, then adds casing and punctuation noise. Each query carries its gold entities and gold
 * normalised genre weights. Deterministic for a given seed.
 */
public final class QueryGenerator {

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    /** Common genres, drawn half the time so queries look like real ones; the rest is any spelling. */
    private static final List<String> COMMON = List.of("rock", "jazz", "blues", "hip hop", "soul", "funk", "pop",
            "metal", "punk", "folk", "country", "reggae", "techno", "house", "disco", "classical", "ambient",
            "electronic", "indie rock", "drum and bass", "rhythm and blues", "rock and roll", "heavy metal",
            "bossa nova", "trip hop", "dubstep", "grunge", "gospel", "latin", "lo-fi", "new wave", "synthpop",
            "hiphop", "r&b", "rnb", "rock n roll", "dnb", "hip-hop", "Drum & Bass", "alt rock");

    private final PhraseGazetteer gazetteer;
    private final List<String> spellings;
    private final List<String> artists;
    private final List<NameSource.Song> songs;
    private final boolean held;
    private final Random random;

    public QueryGenerator(PhraseGazetteer gazetteer, NameSource names, boolean held, long seed) {
        this.gazetteer = gazetteer;
        this.spellings = gazetteer.spellings().keySet().stream().sorted().toList();
        this.artists = held ? names.heldArtists() : names.trainArtists();
        this.songs = held ? names.heldSongs() : names.trainSongs();
        this.held = held;
        this.random = new Random(seed);
    }

    /** {@code count} queries cycling over the train or held-out templates. */
    public List<LabeledQuery> generate(int count) {
        List<String> templates = held ? Templates.HELD_OUT : Templates.TRAIN;
        List<LabeledQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int t = i % templates.size();
            out.add(fill((held ? "held-" : "train-") + t, templates.get(t)));
        }
        return out;
    }

    LabeledQuery fill(String id, String template) {
        StringBuilder text = new StringBuilder();
        List<LabeledQuery.CharSpan> entities = new ArrayList<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        List<Integer> percents = percents(template);
        Double pending = null;
        boolean casing = random.nextInt(10) < 4;
        Matcher m = SLOT.matcher(template);
        int last = 0;
        while (m.find()) {
            text.append(template, last, m.start());
            last = m.end();
            int start = text.length();
            switch (m.group(1)) {
                case "pre" -> text.append(pick(held ? Templates.PRE_HELD : Templates.PRE_TRAIN));
                case "post" -> text.append(pick(held ? Templates.POST_HELD : Templates.POST_TRAIN));
                case "i" -> text.append(pick(Templates.ITEM_WORDS));
                case "w" -> text.append(pick(Templates.WORDS));
                case "ql" -> pending = quantifier(text, QuantifierScale.Level.TRACE, QuantifierScale.Level.LITTLE,
                        QuantifierScale.Level.BIT);
                case "qm" -> pending = quantifier(text, QuantifierScale.Level.SOME);
                case "qh" -> pending = quantifier(text, QuantifierScale.Level.LOTS, QuantifierScale.Level.MOSTLY);
                case "p" -> {
                    int p = percents.removeFirst();
                    text.append(p).append(random.nextInt(4) == 0 ? " percent" : "%");
                    pending = p / 100.0;
                }
                case "g", "x" -> {
                    String canonical = genre(text, raw, excluded);
                    if (m.group(1).equals("x")) {
                        excluded.add(canonical);
                    } else {
                        raw.put(canonical, pending != null ? pending : QuantifierScale.UNQUANTIFIED);
                    }
                    pending = null;
                }
                case "a" -> {
                    text.append(pick(artists));
                    entities.add(new LabeledQuery.CharSpan(start, text.length(), "artist"));
                }
                case "t" -> {
                    NameSource.Song song = pick(songs);
                    text.append(song.title());
                    entities.add(new LabeledQuery.CharSpan(start, text.length(), "track"));
                }
                default -> throw new IllegalStateException("unknown slot " + m.group() + " in " + template);
            }
        }
        text.append(template.substring(last));
        String noisy = noise(text.toString(), casing);
        return new LabeledQuery(id, noisy, entities, normalised(raw), excluded);
    }

    private Double quantifier(StringBuilder text, QuantifierScale.Level... levels) {
        QuantifierScale.Level level = levels[random.nextInt(levels.length)];
        text.append(pick(level.phrases));
        return level.weight;
    }

    /** Appends a genre spelling whose canonical is not used yet in this query; returns the canonical. */
    private String genre(StringBuilder text, Map<String, Double> raw, List<String> excluded) {
        for (int attempt = 0; ; attempt++) {
            String spelling = random.nextBoolean() ? pick(COMMON) : pick(spellings);
            String canonical = gazetteer.canonical(spelling);
            if (canonical != null && (attempt > 20 || !raw.containsKey(canonical) && !excluded.contains(canonical))) {
                text.append(random.nextInt(5) == 0 ? capitalise(spelling) : spelling);
                return canonical;
            }
        }
    }

    /** Percentages for the template's {p} slots: usually summing to 100, sometimes not (to be normalised). */
    private List<Integer> percents(String template) {
        int n = template.split("\\{p}", -1).length - 1;
        List<Integer> out = new ArrayList<>();
        int left = 100;
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(4) == 0 ? 5 * (1 + random.nextInt(18))
                    : i == n - 1 ? left : 5 * (1 + random.nextInt(Math.max(1, left / 5 - (n - i))));
            out.add(Math.max(5, p));
            left = Math.max(5, left - p);
        }
        return out;
    }

    /** Lower-cases the query 40% of the time (entities included), upper-cases 3%, adds trailing punctuation. */
    private String noise(String s, boolean lower) {
        String out = lower ? s.toLowerCase(Locale.ROOT) : random.nextInt(33) == 0 ? s.toUpperCase(Locale.ROOT) : s;
        int r = random.nextInt(10);
        return r == 0 ? out + "?" : r == 1 ? out + "!" : r == 2 ? out + "." : out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static Map<String, Double> normalised(Map<String, Double> raw) {
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        raw.forEach((g, w) -> out.put(g, w / sum));
        return out;
    }
}
