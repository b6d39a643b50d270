package com.docsdk.fileai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RawHttpServer;
import com.docsdk.core.RawHttpServer.Reply;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.TransportException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Asking for an upload is a create (an upload record with its presigned URL): when the connection breaks after fileAI
 * read the POST, the SDK must not send it again (a second upload record). A raw socket server reads each request
 * whole, then resets the connection, and counts what it read.
 */
class NoDuplicateCreateTest {
    private static final String CREATE_PATH = "/prod/v1/files/upload";
    private static final byte[] PDF = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);

    private static FileAiClient client(RawHttpServer server) {
        return FileAiClient.builder().apiKey("fileai-key-0123456789").baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
    }

    private static FileUpload invoice() {
        return FileUpload.stream("invoice.pdf", () -> new ByteArrayInputStream(PDF), PDF.length).build();
    }

    /** Answers a fresh connection's first request as fileAI would; resets a pooled one after reading a POST. */
    private static Reply answerFreshResetPooled(RawHttpServer server, RawHttpServer.Received r) {
        if (r.method().equals("POST")) {
            return r.onReusedConnection() ? Reply.reset() : Reply.json(200, Examples.uploadResponse(server.baseUrl()));
        }
        if (r.method().equals("PUT")) {
            return Reply.status(200, null, "");
        }
        return Reply.json(200, Examples.UPLOAD_STATUS);
    }

    @Test
    void anUploadRecordResetOnAPooledConnectionAfterItWasReadIsCreatedOnce() {
        RawHttpServer[] holder = new RawHttpServer[1];
        try (RawHttpServer server = RawHttpServer.start(r -> answerFreshResetPooled(holder[0], r));
                FileAiClient fileAi = client(server)) {
            holder[0] = server;
            fileAi.uploadProgress(Examples.UPLOAD_ID); // leaves a pooled connection behind

            assertThrows(TransportException.class, () -> fileAi.upload(invoice()));

            assertEquals(1, server.count("POST", CREATE_PATH), "one upload record, not two");
            assertEquals(0, server.count(r -> r.method().equals("PUT")), "nothing was uploaded");
        }
    }

    @Test
    void anUploadRecordWhoseEveryAnswerIsLostIsSentOnceDespiteRetries() {
        try (RawHttpServer server = RawHttpServer.start(r -> Reply.emptyReply());
                FileAiClient fileAi = client(server)) {
            TransportException e = assertThrows(TransportException.class, () -> fileAi.upload(invoice()));

            assertEquals(1, server.count("POST", CREATE_PATH));
            assertEquals(1, e.attempts());
        }
    }
}
