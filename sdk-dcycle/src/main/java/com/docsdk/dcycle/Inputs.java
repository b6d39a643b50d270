package com.docsdk.dcycle;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.RequestOptions;

/** Checks of the arguments every operation shares; each throws {@link ClientValidationException} naming the field. */
final class Inputs {
    /** The largest page the API serves. */
    static final int MAX_PAGE_SIZE = 100;

    private Inputs() {
    }

    /** A Dcycle id (a UUID, though any non-blank text is passed on as is). */
    static String id(String field, String value) {
        ClientValidationException.requireNonBlank(field, value);
        ClientValidationException.require(value.strip().equals(value), field, "must not start or end with whitespace");
        return value;
    }

    static int pageSize(int pageSize) {
        ClientValidationException.require(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize",
                "must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        return pageSize;
    }

    static int page(int page) {
        ClientValidationException.require(page >= 1, "page", "must be 1 or more, was " + page);
        return page;
    }

    static RequestOptions options(RequestOptions options) {
        return ClientValidationException.requireNonNull("options", options);
    }

    /** {@code options} without its extra headers: for requests to storage hosts, which sign what they accept. */
    static RequestOptions withoutHeaders(RequestOptions options) {
        RequestOptions.Builder b = RequestOptions.builder();
        options.timeout().ifPresent(b::timeout);
        options.retryPolicy().ifPresent(b::retryPolicy);
        options.idempotent().ifPresent(b::idempotent);
        return b.build();
    }

    /** {@code options}, marked idempotent: a request that only sets a state may be retried after a 5xx. */
    static RequestOptions idempotent(RequestOptions options) {
        RequestOptions.Builder b = RequestOptions.builder().idempotent(options.idempotent().orElse(true));
        options.timeout().ifPresent(b::timeout);
        options.retryPolicy().ifPresent(b::retryPolicy);
        options.headers().forEach(b::header);
        return b.build();
    }
}
