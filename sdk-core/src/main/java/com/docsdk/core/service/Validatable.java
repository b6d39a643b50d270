package com.docsdk.core.service;

/**
 * A request model that checks itself against its spec's constraints before it is sent. Generated models implement it;
 * generated services call it through {@link Check#valid(String, Object)}. Reading a response never validates, so a
 * server that leaves out a "required" field does not break a read.
 */
public interface Validatable {
    /**
     * Throws {@link com.docsdk.core.error.ClientValidationException} naming the first field (as {@code path.field}) that
     * breaks a constraint of the spec.
     *
     * @param path how the caller names this value, e.g. {@code "body"} or {@code "body.items[2]"}
     */
    void validate(String path);
}
