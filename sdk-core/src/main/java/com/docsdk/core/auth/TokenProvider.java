package com.docsdk.core.auth;

import com.docsdk.core.error.SdkException;

/**
 * Fetches a fresh bearer token. The SDK caches the token, asks again shortly before it expires, and once more when
 * the server answers 401; concurrent callers share one fetch. Implementations may block and may throw an
 * {@link SdkException}.
 *
 * <pre>{@code
 * Credentials creds = Credentials.refreshingToken(() -> myIdp.issue("webapi"));
 * }</pre>
 *
 * @see OAuth2ClientCredentials
 */
@FunctionalInterface
public interface TokenProvider {
    AccessToken fetchToken();
}
