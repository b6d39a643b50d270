package com.docsdk.webadmit.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.callback.CallbackDispatcher;
import com.docsdk.core.callback.CallbackReceiver;
import com.docsdk.core.callback.CallbackSecret;
import com.docsdk.core.callback.CallbackUrls;
import com.docsdk.core.callback.TestTls;
import com.docsdk.testkit.CallbackSender;
import com.docsdk.testkit.WebAdmitSimulator;
import com.docsdk.webadmit.ExportFileStatus;
import com.docsdk.webadmit.PdfManagerBatchState;
import com.docsdk.webadmit.WebAdmitClient;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.model.PdfManagerBatch;
import com.docsdk.webadmit.model.PdfManagerBatchInput;
import com.docsdk.webadmit.model.PdfManagerBatchRequest;
import com.docsdk.webadmit.service.ExportFilesService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebAdMIT calls back for real: the export-file form POST and the PDF Manager batch JSON (HTTPS only), to the
 * embedded receiver; each event is verified, fetched and handed over once, a failure answered 500 and the retry
 * processed.
 */
class WebAdmitCallbackEndToEndTest {
    private final WebAdmitSimulator webAdmit = WebAdmitSimulator.create().expectApiKey("test-key");
    private final CallbackSecret secret = CallbackSecret.generate();
    private final List<ExportFile> exportFiles = new CopyOnWriteArrayList<>();
    private final List<PdfManagerBatch> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger exportCalls = new AtomicInteger();

    @TempDir
    Path dir;

    private WebAdmitClient client;
    private CallbackReceiver receiver;
    private CallbackUrls urls;

    @BeforeEach
    void start() throws Exception {
        webAdmit.start();
        client = WebAdmitClient.builder().apiKey("test-key").baseUrl(webAdmit.baseUrl()).build();
        Path keyStore = TestTls.keyStore(dir);
        CallbackDispatcher dispatcher = CallbackDispatcher.builder(CallbackUrls.inPath("https://x", secret))
                .on(WebAdmitCallbacks.exportFile(), event -> {
                    if (exportCalls.incrementAndGet() == 1) {
                        throw new IllegalStateException("SIS import busy");
                    }
                    exportFiles.add(event.fetch(client));
                })
                .on(WebAdmitCallbacks.pdfManagerBatch(), event -> batches.add(event.fetch(client)))
                .build();
        receiver = CallbackReceiver.builder(dispatcher).tls(keyStore, TestTls.PASSWORD).start();
        urls = CallbackUrls.inPath(receiver.baseUrl(), secret);
        webAdmit.callbacks().trust(TestTls.trusting(keyStore)).backoff(Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        receiver.close();
        client.close();
        webAdmit.stop();
    }

    @Test
    void theExportFileFormIsHandledOnceAfterARetry() {
        webAdmit.callbacks().attempts(3).duplicates(2);
        ExportFile started = client.exportFiles().start(WebAdmitSimulator.DEFAULT_USER_IDENTITY_ID,
                WebAdmitSimulator.DEFAULT_EXPORT_ID, ExportFilesService.StartParams.builder()
                        .callback(URI.create(urls.url(WebAdmitCallbacks.EXPORT_FILE_ROUTE))).build(),
                RequestOptions.none());
        webAdmit.completeExportFile(started.getId());
        webAdmit.callbacks().awaitIdle(Duration.ofSeconds(60));

        assertEquals(1, exportFiles.size(), "handed over once");
        ExportFile fetched = exportFiles.get(0);
        assertEquals(started.getId(), fetched.getId());
        assertEquals(ExportFileStatus.AVAILABLE, ExportFileStatus.of(fetched));
        assertTrue(fetched.getDownloadUrl() != null, "the fetch carries the download URL the callback does not");
        List<CallbackSender.Delivery> d = webAdmit.callbacks().deliveries();
        assertEquals(List.of(500, 200, 200, 200), d.stream().map(CallbackSender.Delivery::status).toList());
        assertEquals("SIS import busy", d.get(0).responseBody());
        assertTrue(d.get(0).body().startsWith("export_file[id]=" + started.getId()), d.get(0).body());
        assertTrue(d.get(3).responseBody().contains("duplicate"));
        assertEquals(2, exportCalls.get());
    }

    @Test
    void thePdfManagerBatchJsonIsFetchedAndDeduped() {
        webAdmit.callbacks().duplicates(1);
        PdfManagerBatch started = client.pdfManagerBatches().start(WebAdmitSimulator.DEFAULT_USER_IDENTITY_ID,
                new PdfManagerBatchRequest().pdfManagerBatch(new PdfManagerBatchInput()
                        .pdfManagerTemplateId(WebAdmitSimulator.DEFAULT_PDF_MANAGER_TEMPLATE_ID)
                        .callback(urls.url(WebAdmitCallbacks.PDF_MANAGER_ROUTE))));
        webAdmit.completePdfManagerBatch(started.getId());
        webAdmit.callbacks().awaitIdle(Duration.ofSeconds(60));

        assertEquals(1, batches.size());
        assertEquals(started.getId(), batches.get(0).getId());
        assertEquals(PdfManagerBatchState.AVAILABLE, PdfManagerBatchState.of(batches.get(0)));
        assertEquals(List.of(200, 200), webAdmit.callbacks().deliveries().stream()
                .map(CallbackSender.Delivery::status).toList());
        assertTrue(webAdmit.callbacks().deliveries().get(0).body().contains("\"download_hrefs\""));
    }
}
