package com.docsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The object store behind a simulator's presigned URLs, served on the simulator's own port under
 * {@code /_storage/<vendor>/}. A presigned URL is a grant (method, object, content type, expiry) named by the random
 * token in its signature parameter: a tampered, unknown or expired signature is refused as the real store would.
 */
final class SimulatedStorage {
    /** Whose object store it imitates: the names of the signature parameters and the error bodies. */
    enum Style {
        S3, AZURE_BLOB
    }

    private record Grant(String method, String key, String contentType, Instant issuedAt, Instant expiresAt,
            Consumer<byte[]> onPut) {
    }

    private record StoredObject(byte[] bytes, String contentType) {
    }

    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final String prefix;
    private final Style style;
    private final Supplier<String> baseUrl;
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, StoredObject> objects = new HashMap<>();

    SimulatedStorage(String vendor, Style style, Supplier<String> baseUrl) {
        this.prefix = "/_storage/" + vendor + "/";
        this.style = style;
        this.baseUrl = baseUrl;
    }

    boolean handles(SimRequest request) {
        return request.path().startsWith(prefix);
    }

    void clear() {
        grants.clear();
        objects.clear();
    }

    void putObject(String key, byte[] bytes, String contentType) {
        objects.put(key, new StoredObject(bytes.clone(), contentType));
    }

    Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> o.bytes.clone());
    }

    /** A URL that accepts one or more {@code PUT}s of {@code key} with exactly {@code contentType}, until expiry. */
    String presignPut(String key, String contentType, Instant now, Duration lifetime, Consumer<byte[]> onPut) {
        return presign(new Grant("PUT", key, contentType, now, now.plus(lifetime), onPut));
    }

    /** A URL that serves {@code key} to a {@code GET} until expiry. */
    String presignGet(String key, Instant now, Duration lifetime) {
        return presign(new Grant("GET", key, null, now, now.plus(lifetime), bytes -> { }));
    }

    private String presign(Grant grant) {
        String token = UUID.randomUUID().toString().replace("-", "");
        grants.put(token, grant);
        String url = baseUrl.get() + prefix + grant.key;
        if (style == Style.S3) {
            return url + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=SIMULATED%2Fs3%2Faws4_request"
                    + "&X-Amz-Date=" + AMZ_DATE.format(grant.issuedAt) + "&X-Amz-Expires="
                    + Duration.between(grant.issuedAt, grant.expiresAt).toSeconds() + "&X-Amz-SignedHeaders=host"
                    + (grant.contentType == null ? "" : "%3Bcontent-type") + "&X-Amz-Signature=" + token;
        }
        return url + "?sv=2022-11-02&sr=b&sp=" + ("PUT".equals(grant.method) ? "cw" : "r") + "&se="
                + grant.expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "&sig=" + token;
    }

    SimResponse serve(SimRequest request, Clock clock) {
        if (request.header("Authorization").isPresent()) {
            return error(400, "InvalidArgument",
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query"
                            + " string parameter or the Authorization header should be specified");
        }
        String key = request.path().substring(prefix.length());
        Optional<String> token = request.query(style == Style.S3 ? "X-Amz-Signature" : "sig");
        Grant grant = token.map(grants::get).orElse(null);
        if (grant == null || !grant.key.equals(key)) {
            return error(403, style == Style.S3 ? "SignatureDoesNotMatch" : "AuthenticationFailed",
                    "The request signature we calculated does not match the signature you provided.");
        }
        if (!clock.instant().isBefore(grant.expiresAt)) {
            return style == Style.S3
                    ? error(403, "AccessDenied", "Request has expired")
                    : error(403, "AuthenticationFailed", "Signed expiry time [" + grant.expiresAt
                            + "] must be after signed start time [" + clock.instant() + "]");
        }
        boolean head = "HEAD".equals(request.method());
        if (!grant.method.equals(request.method()) && !(head && "GET".equals(grant.method))) {
            return error(403, style == Style.S3 ? "SignatureDoesNotMatch" : "AuthenticationFailed",
                    "The request signature we calculated does not match the signature you provided: it was"
                            + " signed for " + grant.method + ", not " + request.method() + ".");
        }
        if ("PUT".equals(grant.method)) {
            String sent = request.contentType().orElse("");
            if (!sameMediaType(sent, grant.contentType)) {
                return error(403, style == Style.S3 ? "SignatureDoesNotMatch" : "AuthenticationFailed",
                        "The request signature we calculated does not match the signature you provided: it was"
                                + " signed for Content-Type '" + grant.contentType + "', the request sent '" + sent
                                + "'.");
            }
            objects.put(key, new StoredObject(request.body(), grant.contentType));
            grant.onPut.accept(request.body());
            return SimResponse.empty(200).header("ETag", "\"" + Integer.toHexString(
                    java.util.Arrays.hashCode(request.body())) + "\"");
        }
        StoredObject object = objects.get(key);
        if (object == null) {
            return error(404, style == Style.S3 ? "NoSuchKey" : "BlobNotFound",
                    "The specified key does not exist.");
        }
        return SimResponse.bytes(200, head ? new byte[0] : object.bytes, object.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1)
                        + "\"");
    }

    /** The signed content type must be sent as signed; only letter case and spaces around ';' may differ. */
    private static boolean sameMediaType(String sent, String signed) {
        return normalize(sent).equals(normalize(signed));
    }

    private static String normalize(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).replaceAll("\\s*;\\s*", ";").trim();
    }

    private SimResponse error(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message><RequestId>"
                + UUID.randomUUID() + "</RequestId></Error>";
        return SimResponse.bytes(status, body.getBytes(StandardCharsets.UTF_8), "application/xml");
    }
}
