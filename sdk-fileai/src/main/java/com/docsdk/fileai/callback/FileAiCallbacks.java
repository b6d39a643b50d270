package com.docsdk.fileai.callback;

import com.docsdk.core.callback.CallbackEndpoint;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.callback.CallbackParser;
import com.docsdk.core.callback.CallbackPolicy;
import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import java.time.Duration;
import java.util.Map;

/**
 * fileAI's processing callback: its parser and endpoint for a {@link com.docsdk.core.callback.CallbackDispatcher}.
 *
 * <pre>{@code
 * CallbackDispatcher callbacks = CallbackDispatcher.builder(urls)
 *         .on(FileAiCallbacks.processing(), event -> {
 *             if (event.isFinished()) {
 *                 UploadProgress upload = event.fetch(fileAi);       // authoritative, not the unsigned body
 *                 importFiles(upload.fileIds());
 *             }
 *         })
 *         .build();
 * fileAi.upload(FileUpload.file(path).callbackUrl(urls.url(FileAiCallbacks.ROUTE)).build());
 * }</pre>
 *
 * <p>fileAI retries up to 5 times with backoff and waits 30 s for a 200, so the endpoint acknowledges within
 * {@link #ACKNOWLEDGE_WITHIN} and handles longer work in the background (outcomes kept by the dispatcher).
 */
public final class FileAiCallbacks {
    /** The default route ({@code <base>/fileai}). */
    public static final String ROUTE = "fileai";
    /** How long a handler may take before the 200 is sent anyway (well below fileAI's 30 s timeout). */
    public static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(10);

    private static final CallbackParser<FileAiCallbackEvent> PARSER = FileAiCallbacks::parse;

    private FileAiCallbacks() {
    }

    /** The processing callback on {@link #ROUTE}, acknowledged within {@link #ACKNOWLEDGE_WITHIN}. */
    public static CallbackEndpoint<FileAiCallbackEvent> processing() {
        return new CallbackEndpoint<>(ROUTE, PARSER, CallbackPolicy.acknowledgeWithin(ACKNOWLEDGE_WITHIN));
    }

    /** The parser alone. */
    public static CallbackParser<FileAiCallbackEvent> parser() {
        return PARSER;
    }

    /**
     * Parses a processing callback: a JSON object with at least {@code uploadId} and a {@code step} or
     * {@code status} (names in any case; unknown fields kept).
     *
     * @throws ClientValidationException naming the body or the missing field for anything else
     */
    public static FileAiCallbackEvent parse(CallbackRequest request) {
        ClientValidationException.requireNonNull("request", request);
        return parse(request.body());
    }

    /** As {@link #parse(CallbackRequest)}, from the raw body. */
    public static FileAiCallbackEvent parse(byte[] body) {
        Map<String, Object> fields = CallbackFields.jsonObject(body);
        return new FileAiCallbackEvent(fields);
    }
}
