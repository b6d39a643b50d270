package com.docsdk.dcycle;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spec check the other tests run after each test does catch requests off {@code openapi/dcycle.yaml}: sent here
 * by hand, they must fail it (so a facade bug of the same kind would fail its test).
 */
class SpecContractTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void stub() {
        api.stubFor(any(anyUrl()).willReturn(ok()));
    }

    private void send(Request.Builder request) throws IOException {
        try (Response ignored = http.newCall(request.header("x-api-key", "k").build()).execute()) {
            // only the request matters
        }
    }

    private Request.Builder to(String path) {
        return new Request.Builder().url(api.baseUrl() + path)
                .header("x-organization-id", DcycleTesting.ORG_ID);
    }

    private void assertOffSpec(String expected) {
        AssertionError e = assertThrows(AssertionError.class, () -> DcycleTesting.CONTRACT.assertRequestsMatch(api));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aPageLargerThanTheMaximumIsOffSpec() throws IOException {
        send(to("/v1/files?page=1&size=500"));
        assertOffSpec("size");
    }

    @Test
    void anUnknownConfirmationStatusIsOffSpec() throws IOException {
        send(to("/v1/files/batch-update").patch(RequestBody.create(
                "{\"file_ids\": [\"" + DcycleTesting.FILE_ID + "\"], \"status\": \"archived\"}", JSON)));
        assertOffSpec("archived");
    }

    @Test
    void aRequestWithoutTheOrganizationHeaderIsOffSpec() throws IOException {
        send(new Request.Builder().url(api.baseUrl() + "/v1/files/" + DcycleTesting.FILE_ID));
        assertOffSpec("security");
    }

    @Test
    void anUndocumentedPathIsOffSpec() throws IOException {
        send(to("/v1/files/" + DcycleTesting.FILE_ID + "/download"));
        assertOffSpec("/download");
    }
}
