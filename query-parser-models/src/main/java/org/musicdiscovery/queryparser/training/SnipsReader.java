package org.musicdiscovery.queryparser.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;

/**
 * Converts the Snips PlayMusic / AddToPlaylist queries (CC0) into labelled queries: "artist" stays artist,
 * "track" and "entity_name" become track; "genre" spans become the gold genres (resolved through the gazetteer;
 * an unresolvable genre keeps its own key, so the parser is charged for missing it). Other slots are plain text.
 */
public final class SnipsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnipsReader() {
    }

    public static List<LabeledQuery> read(Path snipsDir, PhraseGazetteer gazetteer) {
        List<LabeledQuery> out = new ArrayList<>();
        for (String intent : List.of("PlayMusic", "AddToPlaylist")) {
            Path file = snipsDir.resolve("train_" + intent + "_full.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("missing Snips file " + file);
            }
            try {
                JsonNode root = JSON.readTree(SnipsDecoding.decode(Files.readAllBytes(file)));
                for (JsonNode q : root.path(intent)) {
                    out.add(convert(intent, q.path("data"), gazetteer));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return out;
    }

    private static LabeledQuery convert(String intent, JsonNode data, PhraseGazetteer gazetteer) {
        StringBuilder text = new StringBuilder();
        List<LabeledQuery.CharSpan> entities = new ArrayList<>();
        Map<String, Double> genres = new LinkedHashMap<>();
        for (JsonNode part : data) {
            String t = part.path("text").asText("");
            String entity = part.path("entity").asText("");
            int start = text.length();
            text.append(t);
            switch (entity) {
                case "artist" -> entities.add(new LabeledQuery.CharSpan(start, text.length(), "artist"));
                case "track", "entity_name" -> entities.add(new LabeledQuery.CharSpan(start, text.length(), "track"));
                case "genre" -> {
                    String canonical = gazetteer.canonical(t);
                    genres.put(canonical != null ? canonical : "?" + QueryTokenizer.key(t), 1.0);
                }
                default -> { }
            }
        }
        genres.replaceAll((g, w) -> 1.0 / genres.size());
        return new LabeledQuery("snips-" + intent, text.toString(), entities, genres, List.of());
    }
}
