package org.musicdiscovery.systest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated hostile inputs for the public API, reproducible from a seed: random Unicode (controls, lone surrogates,
 * emoji, right-to-left, zero-width), huge strings, invalid UTF-8 percent-escapes, malformed and deeply nested JSON,
 * non-finite and negative weights, wrong types, absurd numbers and header abuse. Each input is one request.
 */
final class FuzzInputs {
    /** One request: {@code body} null for GET. */
    record Input(String label, String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
    }

    private static final String[] VALID_BODIES = {
        "{\"genres\":{\"blues\":0.8,\"rock\":0.2}}",
        "{\"genres\":{\"soul\":0.7,\"funk\":0.3},\"type\":\"song\",\"limit\":5,\"offset\":0}",
        "{\"genres\":{\"hip hop\":1},\"exclude\":[\"pop\"],\"type\":\"playlist\"}",
    };
    private static final String[] ODD_VALUES = {"NaN", "Infinity", "-Infinity", "-1", "-0.0", "1e309", "1e-400",
        "99999999999999999999999", "\"0.5\"", "null", "true", "[]", "{}", "0x10", "01", ".5", "--1", "\"\\u0000\""};
    private static final String[] TYPES = {"song", "playlist", "artist", "any", "", "SONG", "album", "song,artist",
        "%00", "../../etc/passwd", "null"};
    private static final String[] NUMBERS = {"0", "1", "-1", "100", "101", "1000", "1001", "2.5", "1e3", "",
        "99999999999999999999", "-9223372036854775808", "NaN", "%2B5", "5%00", "0x1F", "١٢"};
    private static final String[] INVALID_UTF8 = {"%FF", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%E2%82",
        "%F0%9F%98", "%00", "%0D%0A", "%25%32%35"};

    private final Random r;

    FuzzInputs(long seed) {
        r = new Random(seed);
    }

    Input next(int i) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> search(i);
            case 3, 4, 5 -> discover(i);
            case 6 -> item(i);
            case 7 -> genres(i);
            default -> headers(i);
        };
    }

    private Input search(int i) {
        String q = r.nextInt(8) == 0 ? pick(INVALID_UTF8) + enc(text(20)) + pick(INVALID_UTF8) : enc(text(longLength()));
        String path = "/api/v1/search?q=" + q + maybe("&type=" + enc(pick(TYPES))) + maybe("&limit=" + pick(NUMBERS))
                + maybe("&offset=" + pick(NUMBERS)) + maybe("&" + enc(text(8)) + "=" + enc(text(8)));
        return new Input("search#" + i, "GET", path, null, Map.of());
    }

    private Input discover(int i) {
        String body = switch (r.nextInt(7)) {
            case 0 -> mutateBytes(pick(VALID_BODIES));
            case 1 -> pick(VALID_BODIES).replaceFirst("[0-9.]+", pick(ODD_VALUES));
            case 2 -> nested(1 + r.nextInt(r.nextBoolean() ? 50 : 20_000));
            case 3 -> "{\"genres\":{\"" + escapeJson(text(40)) + "\":" + r.nextGaussian() + "},\"exclude\":[\""
                    + escapeJson(text(10)) + "\"]}";
            case 4 -> "{\"genres\":{" + "\"blues\":1,".repeat(r.nextInt(40)) + "\"rock\":1}}";
            case 5 -> "{\"genres\":{\"blues\":1},\"" + escapeJson(text(12)) + "\":" + pick(ODD_VALUES) + "}";
            default -> text(longLength());
        };
        byte[] bytes = r.nextInt(20) == 0 ? randomBytes(r.nextInt(100_000)) : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (r.nextInt(6) == 0) {
            headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/json; charset=latin1",
                    "multipart/form-data; boundary=x", "application/json;;;", "*/*")));
        }
        return new Input("discover#" + i, "POST", "/api/v1/discover", bytes, headers);
    }

    private Input item(int i) {
        String path = "/api/v1/items/" + enc(pick(TYPES)) + "/" + (r.nextBoolean() ? pick(NUMBERS) : enc(text(12)))
                + (r.nextBoolean() ? "/similar" + maybe("?limit=" + pick(NUMBERS)) + maybe("&type=" + pick(TYPES)) : "");
        return new Input("item#" + i, "GET", path, null, Map.of());
    }

    private Input genres(int i) {
        String path = "/api/v1/genres" + maybe("?prefix=" + enc(text(longLength())) + maybe("&limit=" + pick(NUMBERS)));
        return new Input("genres#" + i, "GET", path, null, Map.of());
    }

    /** Abused headers on an ordinary request: the answer may be 401, 400, 431 …, never a 5xx. */
    private Input headers(int i) {
        Map<String, String> h = new LinkedHashMap<>();
        String junk = ascii(r.nextInt(10) == 0 ? 20_000 : r.nextInt(300));
        switch (r.nextInt(6)) {
            case 0 -> h.put("Authorization", pick(List.of("Bearer ", "Bearer", "Basic ", "bearer ", "Bearer  ")) + junk);
            case 1 -> h.put("X-Api-Key", junk.isEmpty() ? "x" : junk);
            case 2 -> h.put("X-Request-Id", junk.isEmpty() ? "x" : junk);
            case 3 -> h.put("Accept", junk.isEmpty() ? "x/y" : junk);
            case 4 -> h.put("X-Forwarded-For", junk.isEmpty() ? "," : junk);
            default -> h.put("X-Internal-Token", junk.isEmpty() ? "x" : junk);
        }
        return new Input("headers#" + i, "GET", "/api/v1/" + pick(List.of("search?q=adele", "me", "genres",
                "items/song/1")), null, h);
    }

    private String nested(int depth) {
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"genres\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String mutateBytes(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int n = 1 + r.nextInt(4); n > 0 && !b.isEmpty(); n--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, (char) r.nextInt(128));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    /** Random text over hostile ranges: controls, Latin, CJK, emoji, combining marks, bidi, zero-width, surrogates. */
    private String text(int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            switch (r.nextInt(9)) {
                case 0 -> b.append((char) r.nextInt(0x20));
                case 1, 2 -> b.append((char) (0x20 + r.nextInt(0x5f)));
                case 3 -> b.append((char) (0xa0 + r.nextInt(0x250)));
                case 4 -> b.append((char) (0x4e00 + r.nextInt(0x5000)));
                case 5 -> b.appendCodePoint(0x1f300 + r.nextInt(0x300));
                case 6 -> b.append((char) (0x300 + r.nextInt(0x70)));
                case 7 -> b.append(pick(List.of("\u202e", "\u200b", "\ufeff", "\u2028", "\ufffd", "\u0000")));
                default -> b.append((char) (0xd800 + r.nextInt(0x800))); // a lone surrogate
            }
        }
        return b.toString();
    }

    private String ascii(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            b.append((char) (0x21 + r.nextInt(0x5e)));
        }
        return b.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Mostly short, sometimes at and past the 500-character limit, rarely huge. */
    private int longLength() {
        return switch (r.nextInt(20)) {
            case 0 -> 490 + r.nextInt(30);
            case 1 -> 2_000 + r.nextInt(6_000);
            default -> r.nextInt(60);
        };
    }

    private String maybe(String s) {
        return r.nextBoolean() ? s : "";
    }

    private <T> T pick(T[] options) {
        return options[r.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String escapeJson(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
