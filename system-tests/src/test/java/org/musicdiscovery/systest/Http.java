package org.musicdiscovery.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client for the tests; answers are status + parsed JSON (null when the body is not JSON). */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** One request per connection at a time: a request the server refuses by closing fails alone. */
    static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode json, String body, HttpResponse<String> raw) {
    }

    static Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    static Answer get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static Answer postJson(String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    static Answer postBytes(String url, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    static String header(Answer a, String name) {
        return a.raw().headers().firstValue(name).orElse(null);
    }

    static Answer send(HttpRequest.Builder builder, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(CLIENT, builder, headers);
    }

    static Answer send(HttpClient client, HttpRequest.Builder builder, Map<String, String> headers)
            throws IOException, InterruptedException {
        headers.forEach(builder::header);
        HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        return new Answer(response.statusCode(), json, response.body(), response);
    }
}
