package com.docsdk.core.callback;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.internal.SecretRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-integration secret that callback URLs carry (no vendor signs its callbacks, so the URL is the credential).
 * Minted with {@link #generate()} and kept in your configuration as {@link #value()}; checked in constant time by
 * {@link #matches(String)}. Its {@code toString()} never prints the value, and {@link #registerWith(SecretRegistry)}
 * makes a client scrub it from every log line and exception it surfaces.
 *
 * <pre>{@code
 * CallbackSecret secret = CallbackSecret.of(System.getenv("DOCSDK_CALLBACK_SECRET"));
 * secret.matches(presentedToken);   // constant time
 * }</pre>
 */
public final class CallbackSecret {
    /** The shortest accepted secret, in characters. */
    public static final int MIN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] digest;

    private CallbackSecret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /** A new random secret: 32 bytes from {@link SecureRandom}, URL-safe Base64 without padding (43 characters). */
    public static CallbackSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new CallbackSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A secret you stored; at least {@value #MIN_LENGTH} characters of {@code A-Z a-z 0-9 - _ . ~} (so it needs no
     * escaping in a path or a query).
     *
     * @throws ClientValidationException naming {@code secret} (without printing it) when it is too short or has other
     *     characters
     */
    public static CallbackSecret of(String value) {
        ClientValidationException.requireNonBlank("secret", value);
        ClientValidationException.require(value.length() >= MIN_LENGTH, "secret",
                "must have at least " + MIN_LENGTH + " characters (has " + value.length() + ")");
        for (int i = 0; i < value.length(); i++) {
            ClientValidationException.require(isUrlSafe(value.charAt(i)), "secret",
                    "may only hold A-Z a-z 0-9 - _ . ~ (character " + (i + 1) + " is not one of them)");
        }
        return new CallbackSecret(value);
    }

    /** The secret itself, to store in your configuration or put in a URL; never log it. */
    public String value() {
        return value;
    }

    /**
     * True when {@code presented} is this secret. Compares SHA-256 digests with {@link MessageDigest#isEqual}, so the
     * time taken says nothing about how much of it matched, nor about its length. {@code null} never matches.
     */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Makes {@code registry} (a client's, {@code transport.secrets()}) scrub this secret from what it surfaces. */
    public CallbackSecret registerWith(SecretRegistry registry) {
        ClientValidationException.requireNonNull("registry", registry).register(value);
        return this;
    }

    /** Never the value. */
    @Override
    public String toString() {
        return "CallbackSecret[" + Redactor.REDACTED + "]";
    }

    static boolean isUrlSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~';
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
