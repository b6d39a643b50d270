package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.transfer.UploadRequest;
import com.docsdk.core.transfer.UploadResult;
import com.docsdk.core.transfer.Uploader;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UploaderTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    @TempDir
    Path dir;

    private final Transport transport = Transport.builder(SdkModule.CORE).baseUrl(api.baseUrl())
            .credentials(Credentials.bearerToken("tok-upload-secret").withHeader("x-organization-id", "org-1"))
            .sleeper(new RecordingSleeper()).build();
    private final Uploader uploader = new Uploader(transport);

    @AfterEach
    void close() {
        transport.close();
    }

    private Path pdf(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("invoice.pdf"), bytes);
    }

    @Test
    void putsTheFileWithTheSignedContentTypeAndNoCredentials() throws Exception {
        Path file = pdf(200_000);
        storage.stubFor(put(urlPathEqualTo("/uploads/abc")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"e1\"")));
        List<Long> progress = new CopyOnWriteArrayList<>();
        UploadResult r = uploader.upload(UploadRequest
                .toUrl(storage.baseUrl() + "/uploads/abc?X-Amz-Signature=s1&X-Amz-Expires=900")
                .file(file).contentType("application/pdf").progress((sent, total) -> progress.add(sent)).build());

        assertEquals(200, r.statusCode());
        assertEquals("\"e1\"", r.etag().orElseThrow());
        assertEquals(200_000, r.bytes());
        assertEquals(200_000L, progress.get(progress.size() - 1));
        storage.verify(putRequestedFor(urlPathEqualTo("/uploads/abc"))
                .withHeader("Content-Type", equalTo("application/pdf"))
                .withHeader("Content-Length", equalTo("200000"))
                .withHeader("Authorization", absent())
                .withHeader("x-organization-id", absent())
                .withRequestBody(binaryEqualTo(Files.readAllBytes(file))));
    }

    @Test
    void isRetriedOn5xxResendingTheWholeStream() {
        storage.stubFor(put(urlPathEqualTo("/u")).inScenario("u").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        storage.stubFor(put(urlPathEqualTo("/u")).inScenario("u").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201)));
        byte[] data = "a,b\n1,2\n".getBytes();
        UploadResult r = uploader.upload(UploadRequest.toUrl(storage.baseUrl() + "/u")
                .stream(() -> new ByteArrayInputStream(data), data.length).contentType("text/csv")
                .header("x-ms-blob-type", "BlockBlob").build());
        assertEquals(201, r.statusCode());
        storage.verify(2, putRequestedFor(urlPathEqualTo("/u")).withRequestBody(binaryEqualTo(data))
                .withHeader("Content-Type", equalTo("text/csv"))
                .withHeader("x-ms-blob-type", equalTo("BlockBlob")));
    }

    @Test
    void aRejectedSignatureIsAPermissionErrorWithoutTheSignature() throws Exception {
        storage.stubFor(put(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>SIGSECRET</SignatureProvided>"
                        + "</Error>")));
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> uploader.upload(
                UploadRequest.toUrl(storage.baseUrl() + "/denied?X-Amz-Signature=SIGSECRET").file(pdf(10))
                        .contentType("application/pdf").build()));
        assertFalse(e.getMessage().contains("SIGSECRET"), e.getMessage());
        assertFalse(e.rawBody().contains("SIGSECRET"), e.rawBody());
    }

    @Test
    void badInputIsRejectedBeforeAnyRequest() throws Exception {
        Path file = pdf(10);
        String url = storage.baseUrl() + "/x";
        assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url).file(file).build());
        assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url).file(file)
                .contentType("not a type").build());
        assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .file(dir.resolve("missing.pdf")).contentType("application/pdf").build());
        assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url).contentType("text/csv")
                .build());
        assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl("not a url").file(file)
                .contentType("application/pdf").build());
        assertThrows(ClientValidationException.class, () -> uploader.upload(UploadRequest
                .toUrl("http://bucket.example.com/x").file(file).contentType("application/pdf").build()));
        assertEquals(0, storage.getAllServeEvents().size());
    }
}
