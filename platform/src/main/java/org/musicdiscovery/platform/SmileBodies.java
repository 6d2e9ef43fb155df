package org.musicdiscovery.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Bodies in Jackson Smile, binary JSON: the same records and annotations as the JSON contract, for the hops inside
 * the system where a caller asks for it. vector-search's answer to core is the largest body a miss moves (100
 * candidates with their genre mixes); as Smile it is half the bytes, and doubles travel as their bits instead of
 * being printed and parsed as decimals (Jackson on one answer: read 70 → 30 µs, write 45 → 23 µs; docs/benchmarks.md).
 * Endpoints list it after JSON in {@code @Produces}, so clients that name no type keep getting JSON.
 */
@Provider
@Produces(SmileBodies.MEDIA_TYPE)
@Consumes(SmileBodies.MEDIA_TYPE)
public class SmileBodies implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    public static final String MEDIA_TYPE = "application/x-jackson-smile";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    // the body streams belong to the HTTP layer: Jackson must not close them
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The mapper both sides use, for callers outside JAX-RS (tests, benchmarks). */
    public static ObjectMapper mapper() {
        return SMILE;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TYPE.isCompatible(mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return SMILE.readValue(body, SMILE.constructType(genericType));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        SMILE.writeValue(body, value);
    }
}
