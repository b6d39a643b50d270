package com.docsdk.webadmit.callback;

import com.docsdk.core.callback.CallbackEvent;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.webadmit.PdfManagerBatchState;
import com.docsdk.webadmit.WebAdmitClient;
import com.docsdk.webadmit.model.PdfManagerBatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebAdMIT's "PDF Manager batch completed" callback: JSON in the schema of {@code GET .../pdf_manager_batches/{id}}
 * ({@code {"pdf_manager_batch": {href, id, updated_at, state, download_hrefs, pdf_manager_template}}}; the object
 * without its envelope is read too). Thin: {@link #fetch(WebAdmitClient)} re-reads the batch before you act.
 *
 * <p>The idempotency key is {@code webadmit:pdf_manager_batch:<id>:<state>}.
 */
public final class WebAdmitPdfManagerBatchEvent extends CallbackEvent {
    private static final Pattern HREF = Pattern.compile("/user_identities/(\\d+)/pdf_manager_batches/(\\d+)");
    static final Set<String> KNOWN = Set.of("pdf_manager_batch");

    private final long batchId;
    private final Optional<Long> userIdentityId;
    private final String stateText;
    private final List<String> downloadHrefs;
    private final Optional<String> templateName;

    WebAdmitPdfManagerBatchEvent(Map<String, Object> fields) {
        super("webadmit", "pdf_manager_batch", key(fields), fields, KNOWN);
        Map<String, Object> batch = batch(fields);
        this.batchId = batchId(batch);
        this.userIdentityId = userIdentity(batch);
        this.stateText = CallbackFields.string(batch, "state").orElse("");
        this.downloadHrefs = CallbackFields.strings(batch, "download_hrefs");
        this.templateName = CallbackFields.string(batch, "pdf_manager_template", "name");
    }

    private static Map<String, Object> batch(Map<String, Object> fields) {
        return CallbackFields.object(fields, "pdf_manager_batch").orElse(fields);
    }

    private static long batchId(Map<String, Object> batch) {
        long id;
        try {
            id = CallbackFields.number(batch, "id")
                    .orElseThrow(() -> new ClientValidationException("pdf_manager_batch.id", "is missing"));
        } catch (ClientValidationException e) {
            throw new ClientValidationException("pdf_manager_batch.id", e.getMessage().contains("missing")
                    ? "is missing" : "is not a whole number");
        }
        ClientValidationException.require(id > 0, "pdf_manager_batch.id", "must be positive, got " + id);
        return id;
    }

    private static Optional<Long> userIdentity(Map<String, Object> batch) {
        return CallbackFields.string(batch, "href").map(HREF::matcher).filter(Matcher::find)
                .flatMap(m -> {
                    try {
                        return Optional.of(Long.parseLong(m.group(1)));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String key(Map<String, Object> fields) {
        Map<String, Object> batch = batch(fields);
        String state = CallbackFields.string(batch, "state").map(s -> PdfManagerBatchState.parse(s)
                .documentedValue()).filter(s -> !s.isEmpty())
                .orElseGet(() -> CallbackFields.string(batch, "state").orElse(""));
        return "webadmit:pdf_manager_batch:" + batchId(batch) + ":" + state.toLowerCase(java.util.Locale.ROOT);
    }

    /** The batch. */
    public long batchId() {
        return batchId;
    }

    /** The user identity, read from the batch's {@code href}; empty when it has none. */
    public Optional<Long> userIdentityId() {
        return userIdentityId;
    }

    /** The state as sent ({@code available}); empty when not sent. */
    public String stateText() {
        return stateText;
    }

    /** The state in any casing ({@code UNKNOWN} when absent or undocumented). */
    public PdfManagerBatchState state() {
        return PdfManagerBatchState.parse(stateText);
    }

    /** The zip downloads as sent (re-read them with {@link #fetch}: these are unsigned). */
    public List<String> downloadHrefs() {
        return downloadHrefs;
    }

    /** The template's name, which integrations dispatch on ({@code "Full_Application"}), if sent. */
    public Optional<String> templateName() {
        return templateName;
    }

    /**
     * Re-reads the batch ({@code GET /api/v1/user_identities/{uid}/pdf_manager_batches/{id}}), with the user identity
     * from the batch's {@code href}.
     *
     * @throws ClientValidationException naming {@code userIdentityId} when the callback had no {@code href}: use
     *     {@link #fetch(WebAdmitClient, long)}
     */
    public PdfManagerBatch fetch(WebAdmitClient client) {
        long uid = userIdentityId.orElseThrow(() -> new ClientValidationException("userIdentityId",
                "the callback has no href to read it from; call fetch(client, userIdentityId)"));
        return fetch(client, uid);
    }

    /** Re-reads the batch of user identity {@code userIdentityId}. */
    public PdfManagerBatch fetch(WebAdmitClient client, long userIdentityId) {
        ClientValidationException.requireNonNull("client", client);
        return client.pdfManagerBatches().get(userIdentityId, batchId);
    }
}
