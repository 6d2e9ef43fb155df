package org.musicdiscovery.catalogue.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that knows how entity details look in Redis: keys {@code d:<type code>:<id>} and values in
 * Jackson Smile (binary JSON) with one- or two-letter property names and genre weights as floats, so a song
 * detail takes a few hundred bytes at most, its duplicate key included.
 */
public final class DetailCodec {

    public static final String VERSION_KEY = "catalogue:version";

    // unknown properties are skipped: a value written by a newer version still reads during a rolling upgrade
    private static final ObjectMapper SMILE = SmileMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private DetailCodec() {
    }

    /** Glob matching every detail key (for SCAN). */
    public static final String KEY_PATTERN = "d:*";

    /** The item a detail key belongs to; empty for keys that are not detail keys. */
    public static Optional<ItemRef> refOf(String key) {
        if (key == null || !key.startsWith("d:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ItemRef.parse(key.substring(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static byte[] key(ItemRef ref) {
        return ("d:" + ref.type().code() + ":" + ref.id()).getBytes(StandardCharsets.US_ASCII);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Wire(@JsonProperty("t") String type, @JsonProperty("i") long id, @JsonProperty("n") String title,
                @JsonProperty("a") String artistName, @JsonProperty("ai") Long artistId,
                @JsonProperty("g") String[] genres, @JsonProperty("w") float[] weights,
                @JsonProperty("z") int size, @JsonProperty("p") double popularity,
                @JsonProperty("k") String duplicateKey) {
    }

    public static byte[] encode(EntityDetail d) {
        String[] genres = new String[d.genres().size()];
        float[] weights = new float[genres.length];
        for (int i = 0; i < genres.length; i++) {
            genres[i] = d.genres().get(i).genre();
            weights[i] = (float) d.genres().get(i).weight();
        }
        try {
            return SMILE.writeValueAsBytes(new Wire(d.ref().type().code(), d.ref().id(), d.title(), d.artistName(),
                    d.artistId(), genres, weights, d.size(), d.popularity(), d.duplicateKey()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + d.ref(), e);
        }
    }

    /** Decodes a stored value; a corrupt value is an error naming the cause (callers treat it as a miss). */
    public static EntityDetail decode(byte[] bytes) {
        try {
            Wire w = SMILE.readValue(bytes, Wire.class);
            List<GenreWeight> genres = new ArrayList<>();
            if (w.genres() != null && w.weights() != null) {
                for (int i = 0; i < Math.min(w.genres().length, w.weights().length); i++) {
                    genres.add(new GenreWeight(w.genres()[i], w.weights()[i]));
                }
            }
            return new EntityDetail(new ItemRef(ItemType.fromCode(w.type()), w.id()), w.title(), w.artistName(),
                    w.artistId(), genres, w.size(), w.popularity(), w.duplicateKey()); // no "k" (older): computed
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("undecodable entity detail: " + e.getMessage(), e);
        }
    }
}
