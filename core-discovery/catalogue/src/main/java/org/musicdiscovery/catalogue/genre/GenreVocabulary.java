package org.musicdiscovery.catalogue.genre;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical genre vocabulary: every node of the beets tree (with its hierarchy) plus the names of
 * {@code genres.txt} that the tree lacks, merged with the committed alias file.
 * <p>
 * A genres.txt-only name is attached to the longest tree genre it ends with ("classic rock" under "rock",
 * "australian hip hop" under "hip hop"), so the hierarchy covers it. Immutable and thread-safe.
 */
public final class GenreVocabulary {

    static final String ALIAS_RESOURCE = "aliases.tsv";

    private final Map<String, Genre> genres;
    private final Map<String, String> canonicalByKey;
    private final Map<String, String> aliases;
    private final List<String> unresolvedAliases;

    private GenreVocabulary(Map<String, Genre> genres, Map<String, String> canonicalByKey, Map<String, String> aliases,
                            List<String> unresolvedAliases) {
        this.genres = Collections.unmodifiableMap(genres);
        this.canonicalByKey = Map.copyOf(canonicalByKey);
        this.aliases = Collections.unmodifiableMap(aliases);
        this.unresolvedAliases = List.copyOf(unresolvedAliases);
    }

    /** Loads {@code genres/genres-tree.yaml} and {@code genres/genres.txt} under the data dir plus the built-in aliases. */
    public static GenreVocabulary load(Path dataDir) {
        Path dir = dataDir.resolve("genres");
        Path tree = dir.resolve("genres-tree.yaml");
        if (!GenreTreeReader.exists(tree)) {
            throw new IllegalArgumentException("no genre tree at " + tree + " (is the data dir right?)");
        }
        Path txt = dir.resolve("genres.txt");
        List<String> names = Files.isRegularFile(txt) ? readLines(txt) : List.of();
        return build(GenreTreeReader.read(tree), names, builtInAliases());
    }

    /** Builds a vocabulary from parts; aliases whose target is not in it are skipped and reported. */
    static GenreVocabulary build(Map<String, Genre> tree, List<String> extraNames, Map<String, String> aliasSpellings) {
        Map<String, String> aliasByKey = new LinkedHashMap<>();
        aliasSpellings.forEach((alias, target) -> aliasByKey.put(GenreNames.key(alias), target));

        Map<String, Genre> genres = new LinkedHashMap<>(tree);
        Map<String, String> byKey = new HashMap<>();
        tree.keySet().forEach(name -> byKey.putIfAbsent(GenreNames.key(name), name));
        for (String raw : extraNames) {
            String name = raw.trim().toLowerCase(java.util.Locale.ROOT);
            String key = GenreNames.key(name);
            if (key.isEmpty() || byKey.containsKey(key) || aliasByKey.containsKey(key)) {
                continue; // same genre under another spelling, or demoted to an alias
            }
            Genre parent = suffixParent(key, tree);
            genres.put(name, parent == null ? new Genre(name, null, 0) : new Genre(name, parent.name(), parent.depth() + 1));
            byKey.put(key, name);
        }

        Map<String, String> aliases = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        aliasSpellings.forEach((alias, target) -> {
            String canonical = byKey.get(GenreNames.key(target));
            if (canonical == null) {
                unresolved.add(alias + " -> " + target); // a trimmed vocabulary (test fixture) lacks the target
                return;
            }
            String key = GenreNames.key(alias);
            if (byKey.containsKey(key) && !byKey.get(key).equals(canonical)) {
                throw new IllegalStateException("alias '" + alias + "' shadows canonical genre '" + byKey.get(key) + "'");
            }
            aliases.put(alias, canonical);
        });
        Map<String, String> all = new HashMap<>(byKey);
        aliases.forEach((alias, canonical) -> all.putIfAbsent(GenreNames.key(alias), canonical));
        return new GenreVocabulary(genres, all, aliases, unresolved);
    }

    /** Canonical genre for any spelling, alias included ("Hip-Hop", "rnb", "Drum & Bass"); empty if unknown. */
    public Optional<String> canonical(String anySpelling) {
        return Optional.ofNullable(canonicalByKey.get(GenreNames.key(anySpelling)));
    }

    /** Whether the spelling resolves to a canonical genre only through the alias file. */
    public boolean isAlias(String anySpelling) {
        String canonical = canonicalByKey.get(GenreNames.key(anySpelling));
        return canonical != null && !GenreNames.key(canonical).equals(GenreNames.key(anySpelling));
    }

    public Optional<Genre> genre(String canonicalName) {
        return Optional.ofNullable(genres.get(canonicalName));
    }

    /** All canonical genres, tree genres first in tree order. */
    public Collection<Genre> genres() {
        return genres.values();
    }

    /** Hand-written alias spelling to canonical genre (as in the alias file). */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * Every normalised spelling ({@link GenreNames#key}) that resolves to a genre: canonical names and aliases.
     * This is the gazetteer a query parser matches against.
     */
    public Map<String, String> spellings() {
        return canonicalByKey;
    }

    /** Parent chain from the direct parent up to the root; empty for roots and unknown names. */
    public List<String> ancestors(String canonicalName) {
        List<String> out = new ArrayList<>();
        Genre g = genres.get(canonicalName);
        while (g != null && g.parent() != null && out.size() < 32) {
            out.add(g.parent());
            g = genres.get(g.parent());
        }
        return out;
    }

    /** Direct children of a canonical genre. */
    public List<String> children(String canonicalName) {
        return genres.values().stream().filter(g -> canonicalName.equals(g.parent())).map(Genre::name).toList();
    }

    /** Alias lines skipped because their target genre is not in this vocabulary ("alias -> target"). */
    public List<String> unresolvedAliases() {
        return unresolvedAliases;
    }

    public int size() {
        return genres.size();
    }

    private static Genre suffixParent(String key, Map<String, Genre> tree) {
        Genre best = null;
        int bestLen = 0;
        for (Genre g : tree.values()) {
            String k = GenreNames.key(g.name());
            if (k.length() > bestLen && key.length() > k.length() && key.endsWith(" " + k)) {
                best = g;
                bestLen = k.length();
            }
        }
        return best;
    }

    static Map<String, String> builtInAliases() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : resourceLines(ALIAS_RESOURCE)) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalStateException("bad alias line (want alias<TAB>genre): " + line);
            }
            out.put(parts[0].trim(), parts[1].trim());
        }
        return out;
    }

    /** Non-blank, non-comment lines of a resource next to this class. */
    static List<String> resourceLines(String name) {
        try (InputStream in = GenreVocabulary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
