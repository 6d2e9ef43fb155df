package org.musicdiscovery.embeddings.io;

import org.musicdiscovery.embeddings.train.Embeddings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's plain vector format ({@code vid TAB v1 v2 … vf}, vid dense 0..n-1) plus the catalogue's mapping
 * convention ({@code vid TAB type TAB catalogueId}, as for genre vectors). Files are written to {@code *.tmp} and
 * moved into place so a killed run never leaves half a file.
 */
public final class VectorFiles {

    /** One exported item: catalogue type letter ('s' or 'a'), catalogue id and its vector. */
    public record Item(char type, long id, float[] vector) {
    }

    private VectorFiles() {
    }

    /**
     * The tokens of {@code e} that are catalogue ids (decimal), as items of {@code type} sorted by id; other tokens
     * (HetRec artists missing from the catalogue) are left out.
     */
    public static List<Item> catalogueItems(Embeddings e, char type) {
        List<Item> out = new ArrayList<>();
        for (String t : e.tokens()) {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                out.add(new Item(type, Long.parseLong(t), e.vector(t)));
            }
        }
        out.sort(Comparator.comparingLong(Item::id));
        return out;
    }

    /** Writes {@code vectors} and {@code mapping} with vids 0..n-1 in list order. */
    public static void write(List<Item> items, Path vectors, Path mapping) throws IOException {
        Path vTmp = tmp(vectors);
        Path mTmp = tmp(mapping);
        try (BufferedWriter v = Files.newBufferedWriter(vTmp, StandardCharsets.UTF_8);
             BufferedWriter m = Files.newBufferedWriter(mTmp, StandardCharsets.UTF_8)) {
            int dim = items.isEmpty() ? 0 : items.getFirst().vector().length;
            StringBuilder line = new StringBuilder();
            for (int vid = 0; vid < items.size(); vid++) {
                Item it = items.get(vid);
                if (it.vector().length != dim) {
                    throw new IllegalArgumentException("item " + it.id() + " has " + it.vector().length + " dims, not " + dim);
                }
                line.setLength(0);
                line.append(vid).append('\t');
                for (int j = 0; j < dim; j++) {
                    if (j > 0) {
                        line.append(' ');
                    }
                    line.append(it.vector()[j]); // Float.toString: shortest text that reads back to the same float
                }
                v.append(line).append('\n');
                m.append(Integer.toString(vid)).append('\t').append(it.type()).append('\t')
                        .append(Long.toString(it.id())).append('\n');
            }
        }
        Files.move(vTmp, vectors, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(mTmp, mapping, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a vectors file and its mapping back, checking dense vids, equal dims and matching lengths. */
    public static List<Item> read(Path vectors, Path mapping) throws IOException {
        List<String> vLines = nonBlank(Files.readAllLines(vectors, StandardCharsets.UTF_8));
        List<String> mLines = nonBlank(Files.readAllLines(mapping, StandardCharsets.UTF_8));
        if (vLines.size() != mLines.size()) {
            throw new IOException(vectors + " has " + vLines.size() + " items, " + mapping + " maps " + mLines.size());
        }
        List<Item> out = new ArrayList<>(vLines.size());
        int dim = -1;
        for (int vid = 0; vid < vLines.size(); vid++) {
            String[] v = vLines.get(vid).split("\t", -1);
            String[] m = mLines.get(vid).split("\t", -1);
            if (v.length != 2 || m.length != 3 || Integer.parseInt(v[0]) != vid || Integer.parseInt(m[0]) != vid
                    || m[1].length() != 1) {
                throw new IOException("line " + (vid + 1) + ": expected vid " + vid + " in both files");
            }
            String[] parts = v[1].strip().split(" ");
            if (dim >= 0 && parts.length != dim) {
                throw new IOException(vectors + ":" + (vid + 1) + ": " + parts.length + " dims, expected " + dim);
            }
            dim = parts.length;
            float[] vec = new float[dim];
            for (int j = 0; j < dim; j++) {
                vec[j] = Float.parseFloat(parts[j]);
            }
            out.add(new Item(m[1].charAt(0), Long.parseLong(m[2]), vec));
        }
        return out;
    }

    /** Embeddings keyed by catalogue id (token = decimal id), for evaluating exported files. */
    public static Embeddings toEmbeddings(List<Item> items) {
        List<String> tokens = new ArrayList<>(items.size());
        float[][] vectors = new float[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            tokens.add(Long.toString(items.get(i).id()));
            vectors[i] = items.get(i).vector();
        }
        return new Embeddings(tokens, vectors);
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    private static Path tmp(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve(file.getFileName() + ".tmp");
    }
}
