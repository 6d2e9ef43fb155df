package org.musicdiscovery.core.infra;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Core's JSON mapper (its endpoints and the vector-search client) reads decimals with FastDoubleParser instead of the
 * JDK's parser. A vector-search answer carries ~460 decimals, and genre weights stored as floats print with 16–17
 * digits, which send the JDK's parser down its big-integer path. Both round correctly, so the doubles are the same;
 * decoding a typical answer takes 65 instead of 81 µs (docs/benchmarks.md, core discovery section).
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }
}
