package com.docsdk.dcycle;

/**
 * How a {@link DcycleClient} sends its credential. Both schemes also send {@code x-organization-id}.
 *
 * <pre>{@code
 * DcycleClient legacy = DcycleClient.builder()
 *         .apiKey(System.getenv("DCYCLE_API_KEY"))
 *         .authScheme(DcycleAuthScheme.LEGACY_BEARER)   // Authorization: Bearer <key>
 *         .organizationId(orgId)
 *         .partner("dcycle")                            // optional legacy x-partner header
 *         .build();
 * }</pre>
 */
public enum DcycleAuthScheme {
    /** The current scheme: {@code x-api-key: <key>} with {@code x-organization-id}. The default. */
    API_KEY,
    /**
     * The legacy scheme: {@code Authorization: Bearer <API key or JWT>} with {@code x-organization-id} and an optional
     * {@code x-partner}.
     */
    LEGACY_BEARER
}
