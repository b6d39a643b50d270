package com.docsdk.core.auth;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token and when it expires. {@code toString()} never prints the token.
 *
 * <pre>{@code
 * TokenProvider provider = () -> new AccessToken(vault.read("token"), Instant.now().plusSeconds(3600));
 * }</pre>
 */
public final class AccessToken {
    private final String value;
    private final Instant expiresAt;

    /**
     * @param value the token, not blank
     * @param expiresAt when it stops working, or null when it does not expire (or the issuer did not say)
     */
    public AccessToken(String value, Instant expiresAt) {
        ClientValidationException.requireNonBlank("token", value);
        this.value = value;
        this.expiresAt = expiresAt;
    }

    /** The token itself. Never log it. */
    public String value() {
        return value;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken t && t.value.equals(value) && Objects.equals(t.expiresAt, expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken{value=" + Redactor.REDACTED + ", expiresAt=" + expiresAt + '}';
    }
}
