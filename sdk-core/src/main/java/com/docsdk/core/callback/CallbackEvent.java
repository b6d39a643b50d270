package com.docsdk.core.callback;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a vendor's callback said, as received: the vendor, the kind of callback, an idempotency key (the same for a
 * retry or a replay of the same event) and every field of the body, unknown ones included. Events are <em>thin</em>:
 * nobody signs them, so act on what the vendor module's {@code event.fetch(client)} re-reads, not on the fields.
 */
public abstract class CallbackEvent {
    private final String vendor;
    private final String kind;
    private final String idempotencyKey;
    private final Map<String, Object> fields;
    private final Set<String> knownFields;

    /**
     * For the vendor modules' events.
     *
     * @param vendor the vendor ({@code fileai})
     * @param kind the kind of callback ({@code processing}, {@code export_file}, ...)
     * @param idempotencyKey the same for every delivery of the same event
     * @param fields every field of the body, as {@link CallbackFields} read them
     * @param knownFields the names the event type reads (any case; {@code _} and {@code -} ignored)
     */
    protected CallbackEvent(String vendor, String kind, String idempotencyKey, Map<String, Object> fields,
            Set<String> knownFields) {
        this.vendor = ClientValidationException.requireNonBlank("vendor", vendor);
        this.kind = ClientValidationException.requireNonBlank("kind", kind);
        this.idempotencyKey = ClientValidationException.requireNonBlank("idempotencyKey", idempotencyKey);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(
                ClientValidationException.requireNonNull("fields", fields)));
        this.knownFields = ClientValidationException.requireNonNull("knownFields", knownFields).stream()
                .map(CallbackFields::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** The vendor that sent it. */
    public final String vendor() {
        return vendor;
    }

    /** The kind of callback. */
    public final String kind() {
        return kind;
    }

    /** The key that identifies this event across retries and replays (what the {@link SeenStore} records). */
    public final String idempotencyKey() {
        return idempotencyKey;
    }

    /** Every field of the body as received (top level; nested objects are maps, arrays lists). */
    public final Map<String, Object> fields() {
        return fields;
    }

    /** The fields this event type does not read: new vendor fields are kept, never dropped. */
    public final Map<String, Object> unknownFields() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!knownFields.contains(CallbackFields.normalize(name))) {
                unknown.put(name, value);
            }
        });
        return Collections.unmodifiableMap(unknown);
    }

    /** Vendor, kind, key and fields, with secrets (tokens, signed URLs) redacted. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[vendor=" + vendor + ", kind=" + kind + ", key="
                + Redactor.text(idempotencyKey) + ", fields=" + Redactor.field("fields", fields) + "]";
    }
}
