package org.musicdiscovery.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code mdk_} + 43 base64url characters (256 random bits). Keys are shown once, at
 * creation; what is stored is their SHA-256 and their first {@value #PREFIX_LENGTH} characters (to tell keys
 * apart in listings without revealing them).
 */
public final class ApiKeys {
    public static final String SCHEME = "mdk_";
    public static final int PREFIX_LENGTH = 12;
    private static final Pattern SHAPE = Pattern.compile("mdk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a key at all: anything else is refused without a database lookup. */
    public static boolean wellFormed(String key) {
        return key != null && SHAPE.matcher(key).matches();
    }

    public static String prefix(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
