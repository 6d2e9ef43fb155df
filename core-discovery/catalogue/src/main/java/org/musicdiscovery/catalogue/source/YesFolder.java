package org.musicdiscovery.catalogue.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader for one yes.com folder ({@code yes/complete}, {@code yes/small}, {@code yes/big}):
 * {@code song_hash.txt} ({@code id TAB title TAB artist}; ids may carry a trailing space, titles escape "/" as
 * {@code \/}), {@code tags.txt} (line i = space-separated tag ids of song i, "#" for none),
 * {@code tag_hash.txt} ({@code id, tag}) and {@code train.txt} (two header lines, then one playlist per line).
 */
public final class YesFolder {

    private final Path dir;

    public YesFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isRegularFile(dir.resolve("song_hash.txt"));
    }

    public boolean hasPlaylists() {
        return Files.isRegularFile(dir.resolve("train.txt"));
    }

    /** Songs in file order; tags attached when {@code tags.txt} and {@code tag_hash.txt} exist. */
    public List<YesSong> songs() {
        Path hash = dir.resolve("song_hash.txt");
        List<String> lines = TextFiles.lines(hash);
        Map<Integer, String> tagNames = tagNames();
        List<String> tagLines = tagNames.isEmpty() || !Files.isRegularFile(dir.resolve("tags.txt"))
                ? List.of() : TextFiles.lines(dir.resolve("tags.txt"));
        List<YesSong> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new DataFormatException(hash, i + 1, "expected 'id<TAB>title<TAB>artist'");
            }
            int id = TextFiles.parseInt(f[0], hash, i + 1);
            String title = unescape(String.join("\t", java.util.Arrays.copyOfRange(f, 1, f.length - 1))).strip();
            List<String> tags = id < tagLines.size() ? tags(tagLines.get(id), tagNames, id + 1) : List.of();
            out.add(new YesSong(id, title, unescape(f[f.length - 1]).strip(), tags));
        }
        return out;
    }

    /** Playlists of {@code train.txt} (after its two header lines); empty playlists are skipped. */
    public List<YesPlaylist> playlists() {
        Path train = dir.resolve("train.txt");
        List<String> lines = TextFiles.lines(train);
        List<YesPlaylist> out = new ArrayList<>(Math.max(0, lines.size() - 2));
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] ids = line.split("\\s+");
            int[] songIds = new int[ids.length];
            for (int k = 0; k < ids.length; k++) {
                songIds[k] = TextFiles.parseInt(ids[k], train, i + 1);
            }
            out.add(new YesPlaylist(i - 2, songIds));
        }
        return out;
    }

    /** Tag id to tag name from {@code tag_hash.txt}; empty when the file is absent. */
    public Map<Integer, String> tagNames() {
        Path file = dir.resolve("tag_hash.txt");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<Integer, String> out = new HashMap<>();
        List<String> lines = TextFiles.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            if (line.isBlank()) {
                continue;
            }
            if (comma < 0) {
                throw new DataFormatException(file, i + 1, "expected 'id, tag'");
            }
            out.put(TextFiles.parseInt(line.substring(0, comma), file, i + 1), line.substring(comma + 1).strip());
        }
        return out;
    }

    private List<String> tags(String line, Map<Integer, String> names, int lineNo) {
        String s = line.trim();
        if (s.isEmpty() || s.equals("#")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : s.split("\\s+")) {
            String name = names.get(TextFiles.parseInt(id, dir.resolve("tags.txt"), lineNo));
            if (name == null) {
                throw new DataFormatException(dir.resolve("tags.txt"), lineNo, "unknown tag id " + id);
            }
            out.add(name);
        }
        return out;
    }

    /** yes.com escapes "/" and "\" with a backslash; other backslashes are kept. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\/", "/").replace("\\\\", "\\");
    }
}
