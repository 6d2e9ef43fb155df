package org.musicdiscovery.catalogue.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the data files as lines, failing with the file name rather than a bare I/O error. */
final class TextFiles {

    private TextFiles() {
    }

    static List<String> lines(Path file) {
        return lines(file, StandardCharsets.UTF_8);
    }

    static List<String> lines(Path file, Charset charset) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException("missing data file " + file, null);
        }
        try {
            return Files.readAllLines(file, charset);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file + " is not valid " + charset.name(), e);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static int parseInt(String s, Path file, int line) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "expected an integer, got '" + s + "'");
        }
    }
}
