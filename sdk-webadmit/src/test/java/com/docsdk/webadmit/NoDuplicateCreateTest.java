package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RawHttpServer;
import com.docsdk.core.RawHttpServer.Reply;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.TransportException;
import org.junit.jupiter.api.Test;

/**
 * Starting an export run is a create: when the connection breaks after WebAdMIT read the POST, the SDK must not send
 * it again (a second export run on the vendor's side). A raw socket server reads each request whole, then resets the
 * connection, and counts what it read.
 */
class NoDuplicateCreateTest {
    private static final String START_PATH = "/api/v1/user_identities/42/exports/29897/export_files";

    private static WebAdmitClient client(RawHttpServer server) {
        return WebAdmitClient.builder().apiKey(WebAdmitExamples.API_KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
    }

    /** Answers a fresh connection's first request as WebAdMIT would; resets a pooled one after reading. */
    private static Reply answerFreshResetPooled(RawHttpServer.Received r) {
        if (r.onReusedConnection() && r.method().equals("POST")) {
            return Reply.reset();
        }
        return r.method().equals("POST") ? Reply.json(201, WebAdmitExamples.EXPORT_FILE_CREATED)
                : Reply.json(200, WebAdmitExamples.USER_IDENTITIES);
    }

    @Test
    void anExportRunResetOnAPooledConnectionAfterItWasReadIsStartedOnce() {
        try (RawHttpServer server = RawHttpServer.start(NoDuplicateCreateTest::answerFreshResetPooled);
                WebAdmitClient webadmit = client(server)) {
            webadmit.userIdentities().list(); // leaves a pooled connection behind

            assertThrows(TransportException.class, () -> webadmit.exportFiles().start(42L, 29897L));

            assertEquals(1, server.count("POST", START_PATH), "one export run, not two");
        }
    }

    @Test
    void anExportRunWhoseEveryAnswerIsLostIsSentOnceDespiteRetries() {
        try (RawHttpServer server = RawHttpServer.start(r -> Reply.emptyReply());
                WebAdmitClient webadmit = client(server)) {
            TransportException e = assertThrows(TransportException.class, () -> webadmit.exportFiles().start(42L, 29897L));

            assertEquals(1, server.count("POST", START_PATH));
            assertEquals(1, e.attempts());
        }
    }
}
