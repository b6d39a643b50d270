package com.docsdk.document360;

/**
 * The Document360 data centres. A credential works only against the data centre its project lives in; choose it with
 * {@link Document360Client.Builder#region(Document360Region)}. An explicit
 * {@link Document360Client.Builder#baseUrl(String) baseUrl} (a private-hosting host, a simulator) wins over the region.
 *
 * <pre>{@code
 * Document360Client client = Document360Client.builder()
 *         .region(Document360Region.US)
 *         .bearerToken(System.getenv("DOCUMENT360_TOKEN"))
 *         .build();
 * }</pre>
 */
public enum Document360Region {
    /** The default (EU) data centre, {@code https://apihub.document360.io}. */
    EU("https://apihub.document360.io"),
    /** The US data centre, {@code https://apihub.us.document360.io}. */
    US("https://apihub.us.document360.io"),
    /** The Canada data centre, {@code https://apihub.ca.document360.io}. */
    CA("https://apihub.ca.document360.io");

    private final String baseUrl;

    Document360Region(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The API host of this data centre, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }
}
