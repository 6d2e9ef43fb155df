package org.musicdiscovery.vectorsearch.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * {@link SearchResponse} written as {@link CandidatesCodec#MEDIA_TYPE} to a caller that asks for it (core does, and
 * reads it with the codec directly). Callers that do not ask keep getting JSON or Smile.
 */
@Provider
@Produces(CandidatesCodec.MEDIA_TYPE)
public class CandidatesBody implements MessageBodyWriter<SearchResponse> {
    public static final MediaType TYPE = MediaType.valueOf(CandidatesCodec.MEDIA_TYPE);

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
