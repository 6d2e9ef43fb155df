import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realistic query mix: 70 % genre-fluid text (phrasings users type, over the catalogue's most used genres with
 * random proportions), 20 % keyword (real artist names and song titles from yes.com), 10 % similarity ("songs like
 * <real title>"). {@link #unique} draws queries that repeat as late as the catalogue allows (cache misses); {@link #pool}
 * a small set to cycle through (cache hits after one pass).
 */
final class QueryMix {
    static final String[] PHRASES = {"%s with a little %s", "mostly %s with some %s", "%s meets %s",
        "%d%% %s %d%% %s", "a bit of %s and a lot of %s", "%s and %s playlists", "%s songs with a touch of %s",
        "%s but not %s", "%s artists with some %s"};

    private final List<String> genres;
    private final List<String> titles = new ArrayList<>();
    private final List<String> artists = new ArrayList<>();
    private final Random random;
    private int nextTitle, nextArtist;

    QueryMix(List<String> genres, Path dataDir, long seed) throws IOException {
        this.genres = genres;
        this.random = new Random(seed);
        // distinct (ignoring case): a song list names each artist once per song, so drawing from it repeated them
        var seenTitles = new java.util.HashSet<String>();
        var seenArtists = new java.util.HashSet<String>();
        for (String line : Files.readAllLines(dataDir.resolve("yes/complete/song_hash.txt"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 3 && !f[1].isBlank() && !f[2].isBlank()) {
                String title = f[1].replace("\\/", "/").strip(), artist = f[2].replace("\\/", "/").strip();
                if (seenTitles.add(title.toLowerCase(Locale.ROOT))) {
                    titles.add(title);
                }
                if (seenArtists.add(artist.toLowerCase(Locale.ROOT))) {
                    artists.add(artist);
                }
            }
        }
        Collections.shuffle(titles, random);
        Collections.shuffle(artists, random);
    }

    /** The catalogue's genres, most items first, from the public vocabulary endpoint. */
    static List<String> topGenres(HttpClient http, String web, String key, int n) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(web + "/api/v1/genres?limit=" + n)).header("X-Api-Key", key).build();
        String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(body);
        while (m.find() && out.size() < n) {
            out.add(m.group(1));
        }
        if (out.size() < 4) {
            throw new IllegalStateException("too few genres from " + web + "/api/v1/genres: " + body);
        }
        return out;
    }

    /** One query of the mix; the kind is decided by {@code r} in [0, 1). */
    String next(double r) {
        return draw(r, 0).q();
    }

    /** {@link #next} with its page size: {@code limit} + 2 for each time its list of names has come round. */
    private Request draw(double r, int limit) {
        if (r < 0.7) {
            return new Request(genreQuery(), limit);
        }
        Request title = cycling(titles, nextTitle++, limit);
        if (r < 0.9 && random.nextBoolean()) {
            return cycling(artists, nextArtist++, limit);
        }
        return r < 0.9 ? title : new Request("songs like " + title.q(), title.limit());
    }

    /**
     * The {@code drawn}-th draw from a list that cycles: its entry, with a page {@code limit} + 2 items long for each
     * time the list has come round before it, so a repeated query is a new cache key.
     */
    private static Request cycling(List<String> list, int drawn, int limit) {
        return new Request(list.get(drawn % list.size()), limit + 2 * (drawn / list.size()));
    }

    String genreQuery() {
        String a = genres.get(random.nextInt(genres.size()));
        String b = genres.get(random.nextInt(genres.size()));
        while (b.equals(a)) {
            b = genres.get(random.nextInt(genres.size()));
        }
        int phrase = random.nextInt(PHRASES.length);
        if (PHRASES[phrase].startsWith("%d")) {
            int w = 51 + random.nextInt(45);
            return String.format(Locale.ROOT, PHRASES[phrase], w, a, 100 - w, b);
        }
        return String.format(Locale.ROOT, PHRASES[phrase], a, b);
    }

    /** One request of a load step: its words and its page size, which is part of core's cache key. */
    record Request(String q, int limit) {
    }

    /**
     * n requests, each as new to core's result cache as the catalogue allows. Its key holds a mix's proportions at
     * 1 % resolution, so two random weights collapsed onto shared keys (a "miss" step of a full run was 50–93 % real
     * misses); instead every pair of genres at every 1 % split (30 genres: 43,065 keys) comes once, in shuffled
     * order, before any comes again. Titles and artist names are distinct and cycle. Each time a list comes round
     * again its queries ask for pages 2 items longer ({@code limit} + 2 per pass), so they still miss: a fast VM went
     * through the genre mixes in one run, and its later "miss" steps were 30 % real misses (thirty-second session).
     * Up to 33 items a page, core asks vector-search for the same 100 candidates.
     */
    List<Request> unique(int n, int limit) {
        List<String> mixes = new ArrayList<>();
        for (int a = 0; a < genres.size(); a++) {
            for (int b = a + 1; b < genres.size(); b++) {
                for (int w = 1; w < 100; w++) {
                    boolean swap = random.nextBoolean(); // either genre may be named first
                    mixes.add(String.format(Locale.ROOT, "%d%% %s %d%% %s", swap ? 100 - w : w,
                            genres.get(swap ? b : a), swap ? w : 100 - w, genres.get(swap ? a : b)));
                }
            }
        }
        Collections.shuffle(mixes, random);
        List<Request> out = new ArrayList<>(n);
        for (int i = 0, m = 0; i < n; i++) {
            double r = random.nextDouble();
            if (r < 0.7) {
                out.add(cycling(mixes, m++, limit));
            } else {
                out.add(draw(r, limit));
            }
        }
        return out;
    }

    List<String> pool(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next(random.nextDouble()));
        }
        return out;
    }

    private static final Pattern MIX_QUERY = Pattern.compile("\\d+% .*");

    /** The kind of a miss query ({@link #unique}): similar, genre (a weighted mix) or keyword. */
    static String kind(String q) {
        return q.startsWith("songs like ") ? "similar" : MIX_QUERY.matcher(q).matches() ? "genre" : "keyword";
    }

    static String searchUri(String web, String q, int limit) {
        return web + "/api/v1/search?limit=" + limit + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
