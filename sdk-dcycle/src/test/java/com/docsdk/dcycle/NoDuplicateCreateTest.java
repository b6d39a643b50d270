package com.docsdk.dcycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RawHttpServer;
import com.docsdk.core.RawHttpServer.Reply;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking for presigned URLs is a create (a batch of {@code pending} file records): when the connection breaks after
 * Dcycle read the POST, the SDK must not send it again (a second pending batch). A raw socket server reads each
 * request whole, then resets the connection, and counts what it read.
 */
class NoDuplicateCreateTest {
    private static final String CREATE_PATH = "/v1/files/presigned-urls";
    private static final String FILE_JSON = """
            {"id": "%s", "name": "water-invoice-2024-03", "extension": "pdf", "mime_type": "application/pdf",
             "size_kb": 245, "status": "uploaded", "url": "https://dcycle-files.s3.eu-west-1.amazonaws.com/org/x.pdf"}
            """.formatted(DcycleTesting.FILE_ID);

    @TempDir
    Path dir;
    private Path pdf;

    @BeforeEach
    void setUp() throws IOException {
        pdf = Files.write(dir.resolve("water-invoice-2024-03.pdf"), "%PDF-1.7 water".getBytes());
    }

    private static DcycleClient client(RawHttpServer server) {
        return DcycleClient.builder().apiKey("dcycle-key-0123456789").organizationId(DcycleTesting.ORG_ID)
                .baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
    }

    /** Answers a fresh connection's first request as Dcycle would; resets a pooled one after reading a POST. */
    private static Reply answerFreshResetPooled(RawHttpServer server, RawHttpServer.Received r) {
        if (r.method().equals("POST")) {
            return r.onReusedConnection() ? Reply.reset() : Reply.json(201, """
                    [{"id": "%s", "status": "pending", "url": "https://dcycle-files.s3.eu-west-1.amazonaws.com/org/x.pdf",
                      "presigned_url": "%s/org/x.pdf?X-Amz-Signature=abc123"}]
                    """.formatted(DcycleTesting.FILE_ID, server.baseUrl()));
        }
        if (r.method().equals("PUT") || r.method().equals("PATCH")) {
            return Reply.json(200, "{}");
        }
        return Reply.json(200, FILE_JSON);
    }

    @Test
    void aPendingBatchResetOnAPooledConnectionAfterItWasReadIsCreatedOnce() {
        RawHttpServer[] holder = new RawHttpServer[1];
        try (RawHttpServer server = RawHttpServer.start(r -> answerFreshResetPooled(holder[0], r));
                DcycleClient dcycle = client(server)) {
            holder[0] = server;
            dcycle.files().get(DcycleTesting.FILE_ID); // leaves a pooled connection behind

            assertThrows(TransportException.class, () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf))));

            assertEquals(1, server.count("POST", CREATE_PATH), "one pending batch, not two");
            assertEquals(0, server.count(r -> r.method().equals("PUT")), "nothing was uploaded");
        }
    }

    @Test
    void aPendingBatchWhoseEveryAnswerIsLostIsSentOnceDespiteRetries() {
        try (RawHttpServer server = RawHttpServer.start(r -> Reply.emptyReply());
                DcycleClient dcycle = client(server)) {
            TransportException e = assertThrows(TransportException.class,
                    () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf))));

            assertEquals(1, server.count("POST", CREATE_PATH));
            assertEquals(1, e.attempts());
        }
    }
}
