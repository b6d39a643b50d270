package com.docsdk.fileai.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.callback.CallbackDispatcher;
import com.docsdk.core.callback.CallbackOutcome;
import com.docsdk.core.callback.CallbackReceiver;
import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.callback.CallbackSecret;
import com.docsdk.core.callback.CallbackUrls;
import com.docsdk.core.callback.SeenStore;
import com.docsdk.core.callback.TestTls;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.fileai.FileUpload;
import com.docsdk.fileai.UploadProgress;
import com.docsdk.fileai.UploadState;
import com.docsdk.testkit.CallbackSender;
import com.docsdk.testkit.FileAiSimulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fileAI calls back for real (the simulator POSTs each step to the upload's callbackURL, with fileAI's retries) and
 * the embedded HTTPS receiver verifies the token, parses, dedupes, fetches the upload and hands each event over once.
 */
class FileAiCallbackEndToEndTest {
    private final FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("test-key").pollsUntilProcessed(2);
    private final CallbackSecret secret = CallbackSecret.generate();
    private final List<String> handledKeys = new CopyOnWriteArrayList<>();
    private final Map<String, UploadProgress> fetched = new ConcurrentHashMap<>();
    private final AtomicInteger finishedAttempts = new AtomicInteger();

    @TempDir
    Path dir;

    private FileAiClient client;
    private CallbackReceiver receiver;
    private CallbackDispatcher dispatcher;
    private String callbackUrl;

    @BeforeEach
    void start() throws Exception {
        fileAi.start();
        client = FileAiClient.builder().apiKey("test-key").baseUrl(fileAi.baseUrl()).build();
        Path keyStore = TestTls.keyStore(dir);
        SSLContext trust = TestTls.trusting(keyStore);
        dispatcher = CallbackDispatcher.builder(CallbackUrls.inQuery("https://hooks.example.com", secret))
                .seenStore(SeenStore.file(dir.resolve("seen.log")))
                .on(FileAiCallbacks.processing(), event -> {
                    if (event.isFinished() && finishedAttempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("ERP not reachable");
                    }
                    UploadProgress now = event.fetch(client);
                    fetched.put(event.idempotencyKey(), now);
                    handledKeys.add(event.idempotencyKey());
                })
                .build();
        receiver = CallbackReceiver.builder(dispatcher).tls(keyStore, TestTls.PASSWORD).start();
        callbackUrl = CallbackUrls.inQuery(receiver.baseUrl(), secret).url(FileAiCallbacks.ROUTE);
        fileAi.callbacks().trust(trust).backoff(Duration.ofMillis(5)).duplicates(1);
    }

    @AfterEach
    void stop() {
        receiver.close();
        client.close();
        fileAi.stop();
    }

    private String upload() {
        byte[] pdf = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);
        return client.upload(FileUpload.stream("invoice.pdf", () -> new ByteArrayInputStream(pdf), pdf.length)
                .callbackUrl(callbackUrl).build()).uploadId();
    }

    @Test
    void everyStepIsHandledOnceAfterRetriesAndDuplicates() {
        String uploadId = upload();
        fileAi.processUpload(uploadId);
        fileAi.callbacks().awaitIdle(Duration.ofSeconds(60));

        assertEquals(8, handledKeys.size(), handledKeys.toString());
        assertEquals(8, handledKeys.stream().distinct().count(), "no event handed over twice");
        String finished = "fileai:upload:" + uploadId + ":processing_finished:completed";
        assertTrue(handledKeys.contains(finished));
        assertEquals(2, finishedAttempts.get(), "failed once, then the retry was processed");
        UploadProgress progress = fetched.get(finished);
        assertEquals(UploadState.FINISHED, progress.state(), "the authoritative state was read");
        assertEquals(1, progress.fileIds().size());

        List<CallbackSender.Delivery> deliveries = fileAi.callbacks().deliveries();
        List<CallbackSender.Delivery> forFinished = deliveries.stream()
                .filter(d -> d.body().contains("processing_finished")).toList();
        assertEquals(List.of(500, 200, 200), forFinished.stream().map(CallbackSender.Delivery::status).toList());
        assertEquals("ERP not reachable", forFinished.get(0).responseBody());
        assertEquals(2, forFinished.get(1).attempt());
        assertTrue(forFinished.get(2).duplicate());
        assertTrue(forFinished.get(2).responseBody().contains("duplicate"), forFinished.get(2).responseBody());
        assertTrue(forFinished.get(2).body().contains(progress.fileIds().get(0)));
        assertTrue(deliveries.stream().allMatch(d -> d.status() > 0), "every attempt reached the receiver");
        assertEquals(8 + 1 + 8, deliveries.size(), "8 steps, 1 retry, 8 duplicates");
        assertEquals(CallbackOutcome.State.DUPLICATE, dispatcher.outcome(finished).orElseThrow().state());
    }

    @Test
    void aReplayIsNotHandedOverAgainAndAForgeryAchievesNothing() {
        fileAi.callbackFileIdsAsArray(true);
        String uploadId = upload();
        fileAi.processUpload(uploadId);
        fileAi.callbacks().awaitIdle(Duration.ofSeconds(60));
        int handled = handledKeys.size();
        String last = fileAi.callbacks().deliveries().stream().filter(d -> d.body().contains("processing_finished"))
                .findFirst().orElseThrow().body();
        assertTrue(last.contains("\"fileIds\":["), last);

        String target = "/fileai?docsdk_token=" + secret.value();
        assertEquals(200, dispatcher.dispatch(CallbackRequest.of("POST", target, null,
                last.getBytes(StandardCharsets.UTF_8))).status());
        assertEquals(handled, handledKeys.size(), "a replay is answered, not handed over");

        String forged = "{\"uploadId\":\"00000000-0000-0000-0000-000000000000\",\"step\":\"processing_finished\","
                + "\"status\":\"completed\",\"fileIds\":\"evil\"}";
        for (int i = 0; i < 2; i++) {
            int status = dispatcher.dispatch(CallbackRequest.of("POST", target, null,
                    forged.getBytes(StandardCharsets.UTF_8))).status();
            assertEquals(500, status, "the fetch of a forged upload fails, every time: nothing is acted on");
        }
        assertFalse(handledKeys.stream().anyMatch(k -> k.contains("00000000-0000")));
        assertEquals(401, dispatcher.dispatch(CallbackRequest.of("POST", "/fileai?docsdk_token=guess", null,
                forged.getBytes(StandardCharsets.UTF_8))).status());
    }
}
