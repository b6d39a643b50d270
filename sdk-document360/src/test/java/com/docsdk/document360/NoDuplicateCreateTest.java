package com.docsdk.document360;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RawHttpServer;
import com.docsdk.core.RawHttpServer.Reply;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.TransportException;
import org.junit.jupiter.api.Test;

/**
 * Starting an export is a create: when the connection breaks after Document360 read the POST, the SDK must not send
 * it again (a second export on the vendor's side). A raw socket server reads each request whole, then resets the
 * connection, and counts what it read.
 */
class NoDuplicateCreateTest {
    private static Document360Client client(RawHttpServer server) {
        return Document360Client.builder().baseUrl(server.baseUrl()).bearerToken(TestSupport.TOKEN)
                .retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
    }

    /** Answers a fresh connection's first request as Document360 would; resets a pooled one after reading a POST. */
    private static Reply answerFreshResetPooled(RawHttpServer.Received r) {
        if (r.method().equals("POST")) {
            return r.onReusedConnection() ? Reply.reset() : Reply.json(202, VendorExamples.EXPORT_STARTED);
        }
        if (r.path().equals(VendorExamples.WORKSPACES_PATH)) { // the dialect detection and the default workspace
            return Reply.json(200, VendorExamples.WORKSPACE_LIST);
        }
        return r.path().equals(VendorExamples.PROJECT_PATH) ? Reply.json(200, VendorExamples.PROJECT)
                : Reply.json(404, VendorExamples.NOT_FOUND);
    }

    @Test
    void anExportResetOnAPooledConnectionAfterItWasReadIsStartedOnce() {
        try (RawHttpServer server = RawHttpServer.start(NoDuplicateCreateTest::answerFreshResetPooled);
                Document360Client d360 = client(server)) {
            d360.projects().get(VendorExamples.PROJECT_ID); // leaves a pooled connection behind

            assertThrows(TransportException.class,
                    () -> d360.startExport(VendorExamples.PROJECT_ID, ExportRequest.ofFormat("pdf")));

            assertEquals(1, server.count("POST", VendorExamples.EXPORTS_PATH), "one export, not two");
        }
    }

    @Test
    void anExportWhoseEveryAnswerIsLostIsSentOnceDespiteRetries() {
        try (RawHttpServer server = RawHttpServer.start(r -> r.method().equals("POST") ? Reply.emptyReply()
                : answerFreshResetPooled(r));
                Document360Client d360 = client(server)) {
            TransportException e = assertThrows(TransportException.class,
                    () -> d360.startExport(VendorExamples.PROJECT_ID, ExportRequest.ofFormat("pdf")));

            assertEquals(1, server.count("POST", VendorExamples.EXPORTS_PATH));
            assertEquals(1, e.attempts());
        }
    }
}
