package com.docsdk.smartdocumentor.callback;

import com.docsdk.core.callback.CallbackEndpoint;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.callback.CallbackParser;
import com.docsdk.core.callback.CallbackPolicy;
import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.smartdocumentor.callback.SmartDocumentorWebhookEvent.Kind;
import java.util.Map;

/**
 * SmartDocumentor's webhooks (one export configuration per workspace and kind), their parsers and endpoints for a
 * {@link com.docsdk.core.callback.CallbackDispatcher}.
 *
 * <pre>{@code
 * CallbackDispatcher callbacks = CallbackDispatcher.builder(urls)
 *         .on(SmartDocumentorCallbacks.webhook(Kind.TEXT_DOCUMENTS), event -> {
 *             TaskStatusResponse task = event.fetch(smartDocumentor);       // authoritative
 *             erp.importDocument(task, event.fields());
 *         })
 *         .build();
 * // the endpoint to configure in the workspace: urls.url("smartdocumentor-text_documents")
 * }</pre>
 *
 * <p>Answers: 200 when the handler succeeds (SmartDocumentor archives the document); when it throws, 500 with the
 * exception's message as the body (SmartDocumentor sends the document back to "To Review" and shows that body), and
 * the event stays unseen so the next review is handled.
 */
public final class SmartDocumentorCallbacks {
    /** The prefix of the default routes: {@code smartdocumentor-<kind>}, and {@code smartdocumentor} for any kind. */
    public static final String ROUTE = "smartdocumentor";

    private SmartDocumentorCallbacks() {
    }

    /** One kind's webhook on route {@code smartdocumentor-<kind>} ({@code smartdocumentor-text_documents}). */
    public static CallbackEndpoint<SmartDocumentorWebhookEvent> webhook(Kind kind) {
        ClientValidationException.requireNonNull("kind", kind);
        return new CallbackEndpoint<>(ROUTE + "-" + kind.value(), parser(kind), CallbackPolicy.synchronous());
    }

    /** A webhook of any kind on route {@value #ROUTE}; the kind is told from the body ({@link #guessKind}). */
    public static CallbackEndpoint<SmartDocumentorWebhookEvent> anyWebhook() {
        return new CallbackEndpoint<>(ROUTE, SmartDocumentorCallbacks::parse, CallbackPolicy.synchronous());
    }

    /** The parser of one kind. */
    public static CallbackParser<SmartDocumentorWebhookEvent> parser(Kind kind) {
        ClientValidationException.requireNonNull("kind", kind);
        return request -> parse(kind, request);
    }

    /**
     * Parses a webhook of a known kind: a JSON object with a positive {@code taskId} (any casing; other fields kept).
     *
     * @throws ClientValidationException naming the body or {@code taskId} for anything else
     */
    public static SmartDocumentorWebhookEvent parse(Kind kind, CallbackRequest request) {
        ClientValidationException.requireNonNull("kind", kind);
        ClientValidationException.requireNonNull("request", request);
        return new SmartDocumentorWebhookEvent(kind, CallbackFields.jsonObject(request.body()));
    }

    /**
     * Parses a webhook of any kind, told by {@link #guessKind}.
     *
     * @throws ClientValidationException naming the body or {@code taskId} for bad input
     */
    public static SmartDocumentorWebhookEvent parse(CallbackRequest request) {
        ClientValidationException.requireNonNull("request", request);
        Map<String, Object> fields = CallbackFields.jsonObject(request.body());
        return new SmartDocumentorWebhookEvent(guessKind(fields), fields);
    }

    /**
     * The kind a body looks like (give each kind its own route when you can): an {@code exportedFileUrl} is a
     * url-to-file webhook, of anonymization when it also has {@code totalPages} (documents and images have pages),
     * else of transcripts; a body with transcript-like fields ({@code transcript}, {@code speakers},
     * {@code segments}) is a transcripts webhook; anything else is a text-documents one.
     */
    public static Kind guessKind(Map<String, Object> fields) {
        ClientValidationException.requireNonNull("fields", fields);
        if (CallbackFields.get(fields, "exportedFileUrl").isPresent()) {
            return CallbackFields.get(fields, "totalPages").isPresent() ? Kind.URL_TO_FILE_ANONYMIZATION
                    : Kind.URL_TO_FILE_TRANSCRIPTS;
        }
        for (String name : new String[] {"transcript", "transcription", "speakers", "segments"}) {
            if (CallbackFields.get(fields, name).isPresent()) {
                return Kind.TRANSCRIPTS;
            }
        }
        return Kind.TEXT_DOCUMENTS;
    }
}
