package com.docsdk.smartdocumentor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RawHttpServer;
import com.docsdk.core.RawHttpServer.Reply;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.TransportException;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.service.TasksService;
import org.junit.jupiter.api.Test;

/**
 * Creating a task makes one, reprocessing one discards its edits: when the connection breaks after SmartDocumentor
 * read the request, neither is sent again (the spec declares both {@code x-docsdk-idempotent: false}), while setting
 * the external integration status (idempotent) is retried. A raw socket server reads each request whole, then resets
 * a pooled connection, and counts what it read.
 */
class NoDuplicateCreateTest {
    private static final String TASK = "{\"taskId\": 104, \"workspaceId\": 1, \"displayName\": \"Invoice\","
            + " \"taskStatus\": 30, \"integrationStatus\": 0, \"totalPages\": 1}";

    private static SmartDocumentorClient client(RawHttpServer server) {
        return SmartDocumentorClient.builder().accessToken("sd-token-0123456789").baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
    }

    /** Answers a fresh connection as SmartDocumentor would; resets a pooled one after reading a PATCH or POST. */
    private static Reply answerFreshResetPooled(RawHttpServer.Received r) {
        if (!r.method().equals("GET") && r.onReusedConnection()) {
            return Reply.reset();
        }
        return r.method().equals("PATCH") ? Reply.status(200, null, "") : Reply.json(200, TASK);
    }

    @Test
    void aCreateResetOnAPooledConnectionAfterItWasReadIsSentOnce() {
        try (RawHttpServer server = RawHttpServer.start(NoDuplicateCreateTest::answerFreshResetPooled);
                SmartDocumentorClient client = client(server)) {
            client.tasks().get(Fixtures.byId(104), RequestOptions.none()); // leaves a pooled connection behind

            assertThrows(TransportException.class, () -> client.tasks().create(new CreateTaskRequest()
                    .context(new TaskContext().url("https://files.example.com/invoice.pdf"))));

            assertEquals(1, server.count("POST", Fixtures.PROCESS_PATH), "one task, not two");
        }
    }

    @Test
    void aReprocessResetOnAPooledConnectionIsSentOnce() {
        try (RawHttpServer server = RawHttpServer.start(NoDuplicateCreateTest::answerFreshResetPooled);
                SmartDocumentorClient client = client(server)) {
            client.tasks().get(Fixtures.byId(104), RequestOptions.none());

            assertThrows(TransportException.class, () -> client.tasks().reprocess(
                    TasksService.ReprocessParams.builder().taskId(104L).build(), RequestOptions.none()));

            assertEquals(1, server.count("PATCH", Fixtures.REPROCESS_PATH), "a destructive request is sent once");
        }
    }

    @Test
    void settingTheExternalStatusIsRetriedOnAFreshConnection() {
        try (RawHttpServer server = RawHttpServer.start(NoDuplicateCreateTest::answerFreshResetPooled);
                SmartDocumentorClient client = client(server)) {
            client.tasks().get(Fixtures.byId(104), RequestOptions.none());

            Fixtures.mark(client, 104, "exported");

            assertEquals(2, server.count("PATCH", Fixtures.EXTERNAL_STATUS_PATH), "reset once, then sent again");
        }
    }

    @Test
    void aCreateWhoseEveryAnswerIsLostIsSentOnceDespiteRetries() {
        try (RawHttpServer server = RawHttpServer.start(r -> Reply.emptyReply());
                SmartDocumentorClient client = client(server)) {
            TransportException e = assertThrows(TransportException.class, () -> client.tasks().create(
                    new CreateTaskRequest().context(new TaskContext().url("https://files.example.com/a.pdf"))));

            assertEquals(1, server.count("POST", Fixtures.PROCESS_PATH));
            assertEquals(1, e.attempts());
        }
    }
}
