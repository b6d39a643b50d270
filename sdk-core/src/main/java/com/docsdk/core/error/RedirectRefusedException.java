package com.docsdk.core.error;

/**
 * The server redirected a request that carries a credential to another origin, and the SDK refused to follow: the
 * credential (an OAuth2 client secret in a token request's body, a key in a header or body) would have been sent to a
 * host that is not the one it is meant for. Nothing was sent to the other origin. A misconfigured base URL or token
 * URL, a proxy or an attack can cause it; retrying does not help.
 *
 * <pre>{@code
 * } catch (RedirectRefusedException e) {
 *     log.error("{} redirected to {}: check the token URL", e.fromOrigin(), e.toOrigin());
 * }
 * }</pre>
 */
public class RedirectRefusedException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String fromOrigin;
    private final String toOrigin;

    public RedirectRefusedException(String method, String redactedUrl, int statusCode, String fromOrigin, String toOrigin,
            String credential, int attempts) {
        super("refused to follow HTTP " + statusCode + " from " + method + " " + redactedUrl + " to another origin ("
                + fromOrigin + " -> " + toOrigin + "): the request carries a credential (" + credential
                + "), which never follows a redirect to another origin", null, attempts);
        this.statusCode = statusCode;
        this.fromOrigin = fromOrigin;
        this.toOrigin = toOrigin;
    }

    /** The redirect's status (301, 302, 303, 307, 308...). */
    public int statusCode() {
        return statusCode;
    }

    /** Scheme, host and port the request was sent to, e.g. {@code https://login.example.com:443}. */
    public String fromOrigin() {
        return fromOrigin;
    }

    /** Scheme, host and port the server redirected to. */
    public String toOrigin() {
        return toOrigin;
    }
}
