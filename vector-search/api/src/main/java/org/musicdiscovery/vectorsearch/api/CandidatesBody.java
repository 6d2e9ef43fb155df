package org.musicdiscovery.vectorsearch.api;

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
 * {@link SearchResponse} as {@link CandidatesCodec#MEDIA_TYPE}, on both ends of the hop: vector-search writes it to a
 * caller that asks for it (core does), core reads it. Callers that do not ask keep getting JSON or Smile.
 */
@Provider
@Produces(CandidatesCodec.MEDIA_TYPE)
@Consumes(CandidatesCodec.MEDIA_TYPE)
public class CandidatesBody implements MessageBodyReader<SearchResponse>, MessageBodyWriter<SearchResponse> {
    public static final MediaType TYPE = MediaType.valueOf(CandidatesCodec.MEDIA_TYPE);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SearchResponse.class && TYPE.isCompatible(mediaType);
    }

    @Override
    public SearchResponse readFrom(Class<SearchResponse> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return CandidatesCodec.read(body.readAllBytes());
        } catch (CandidatesCodec.MalformedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SearchResponse.class && TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(SearchResponse response, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        body.write(CandidatesCodec.write(response));
    }
}
