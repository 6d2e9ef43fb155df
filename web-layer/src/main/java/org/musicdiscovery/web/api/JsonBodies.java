package org.musicdiscovery.web.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Strict reading of public JSON bodies (HTTP and WebSocket): UTF-8 only, no unknown or duplicate fields, no
 * coercion ("20" or 2.5 for an integer), no trailing content. Each failure is a 400 naming the field.
 */
public final class JsonBodies {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    public static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        return read(utf8(body), type);
    }

    public static <T> T read(String json, Class<T> type) {
        ObjectReader reader = STRICT.readerFor(type);
        try {
            T value = reader.readValue(json);
            if (value == null) {
                throw new InvalidInputException("body", "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiProblem(400, "unknown_field", "unknown field '" + e.getPropertyName() + "'",
                    e.getPropertyName(), null);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            String field = path.isEmpty() ? "body" : path.split("\\.")[0];
            String where = path.isEmpty() ? "the body" : "'" + path + "'";
            throw new InvalidInputException(field, e instanceof MismatchedInputException m
                    ? where + " must be " + expected(m.getTargetType())
                    : where + " is invalid: " + e.getOriginalMessage()); // e.g. a duplicate field
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage(),
                    "body", null);
        } catch (IOException e) {
            throw new InvalidInputException("body", "the body could not be read");
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 is refused, never replaced with U+FFFD. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "the body must be UTF-8");
        }
    }
}
