package com.docsdk.smartdocumentor.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.callback.CallbackDispatcher;
import com.docsdk.core.callback.CallbackReceiver;
import com.docsdk.core.callback.CallbackSecret;
import com.docsdk.core.callback.CallbackUrls;
import com.docsdk.smartdocumentor.SmartDocumentorClient;
import com.docsdk.smartdocumentor.callback.SmartDocumentorWebhookEvent.Kind;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.testkit.SmartDocumentorSimulator;
import com.docsdk.testkit.SmartDocumentorSimulator.Review;
import com.docsdk.testkit.SmartDocumentorSimulator.WebhookKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SmartDocumentor's webhooks for real: a review POSTs to the receiver; a handler failure answers 500 with its message
 * (the document goes back to "To Review" and shows it), the next review is processed, and a replay is not handed over.
 */
class SmartDocumentorWebhookEndToEndTest {
    private final SmartDocumentorSimulator sd = SmartDocumentorSimulator.create().clientCredentials("id", "secret");
    private final CallbackSecret secret = CallbackSecret.generate();
    private final List<TaskStatusResponse> fetched = new CopyOnWriteArrayList<>();
    private final List<SmartDocumentorWebhookEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private SmartDocumentorClient client;
    private CallbackReceiver receiver;

    @BeforeEach
    void start() {
        sd.start();
        client = SmartDocumentorClient.builder().clientCredentials("id", "secret").baseUrl(sd.baseUrl()).build();
        CallbackDispatcher dispatcher = CallbackDispatcher.builder(CallbackUrls.inQuery("http://x", secret))
                .on(SmartDocumentorCallbacks.webhook(Kind.TEXT_DOCUMENTS), event -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("Invoice total does not match the purchase order");
                    }
                    fetched.add(event.fetch(client));
                    events.add(event);
                })
                .on(SmartDocumentorCallbacks.webhook(Kind.URL_TO_FILE_ANONYMIZATION), events::add)
                .build();
        receiver = CallbackReceiver.builder(dispatcher).start();
        CallbackUrls urls = CallbackUrls.inQuery(receiver.baseUrl(), secret);
        sd.webhook(WebhookKind.TEXT_DOCUMENTS, urls.url("smartdocumentor-text_documents"))
                .webhook(WebhookKind.URL_TO_FILE_ANONYMIZATION, urls.url("smartdocumentor-url_to_file_anonymization"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        client.close();
        sd.stop();
    }

    @Test
    void aFailedReviewGoesBackToReviewAndTheNextOneIsHandledOnce() {
        long taskId = sd.addTask("erp-7", Instant.parse("2026-12-01T10:00:00Z"));

        Review first = sd.reviewTask(taskId);
        assertFalse(first.archived());
        assertEquals(500, first.status());
        assertEquals("Invoice total does not match the purchase order", first.loggedBody());

        Review second = sd.reviewTask(taskId);
        assertTrue(second.archived());
        assertEquals(1, fetched.size());
        assertEquals(taskId, fetched.get(0).getTaskId());
        assertEquals(Optional.of("erp-7"), events.stream().filter(e -> e.webhookKind() == Kind.TEXT_DOCUMENTS)
                .findFirst().orElseThrow().externalId());

        sd.callbacks().duplicates(1);
        Review replay = sd.reviewTask(taskId);
        assertTrue(replay.archived(), "a replay is answered 2xx");
        assertTrue(replay.loggedBody().contains("duplicate"), replay.loggedBody());
        assertEquals(1, fetched.size(), "and not handed over again");
        assertEquals(2, calls.get());
        SmartDocumentorWebhookEvent anonymized = events.stream()
                .filter(e -> e.webhookKind() == Kind.URL_TO_FILE_ANONYMIZATION).findFirst().orElseThrow();
        assertTrue(anonymized.exportedFileUrl().orElseThrow().contains("sig="));
        assertFalse(anonymized.toString().contains("c2ltdWxhdGVkLXNpZ25hdHVyZQ"), anonymized.toString());
        assertEquals(Optional.of(sd.lastReview(taskId).orElseThrow()), Optional.of(replay));
    }
}
