package org.musicdiscovery.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A working copy of the shared fixture with six blues songs appended in the yes.com formats (song_hash.txt,
 * tags.txt, tag_hash.txt), so "blues with a little rock" has something to find end to end; two of them are other
 * versions of two others (a live take, a remaster), which search must show once.
 */
final class FixtureCopy {
    private FixtureCopy() {
    }

    static Path withBlues(Path fixture, Path copy) throws IOException {
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path complete = copy.resolve("yes/complete");
        int nextSong = Files.readAllLines(complete.resolve("song_hash.txt")).size();
        int nextTag = Files.readAllLines(complete.resolve("tag_hash.txt")).size();
        int blues = nextTag;
        int bluesRock = nextTag + 1;
        append(complete.resolve("tag_hash.txt"), List.of(blues + ", blues", bluesRock + ", blues rock"));
        String[][] songs = {
            {"Hoochie Coochie Man", "Muddy Waters", blues + ""},
            {"The Thrill Is Gone", "B.B. King", blues + " 3"},
            {"Pride And Joy", "Stevie Ray Vaughan", bluesRock + " " + blues + " 0"},
            {"Crossroads", "Cream", bluesRock + " 0 21"},
            {"The Thrill Is Gone (Live)", "B.B. King", blues + ""},
            {"Hoochie Coochie Man - Remastered 2011", "Muddy Waters", blues + ""},
        };
        for (int i = 0; i < songs.length; i++) {
            append(complete.resolve("song_hash.txt"), List.of((nextSong + i) + " \t" + songs[i][0] + "\t" + songs[i][1]));
            append(complete.resolve("tags.txt"), List.of(songs[i][2]));
        }
        return copy;
    }

    private static void append(Path file, List<String> lines) throws IOException {
        String text = Files.readString(file);
        String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(file, prefix + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }
}
