package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;

/** The vendor's rule for an external integration status: not null, not whitespace, at most 32 characters. */
final class ExternalIntegrationStatusRule {
    static final int MAX_LENGTH = 32;

    private ExternalIntegrationStatusRule() {
    }

    static String require(String field, String value) {
        ClientValidationException.requireNonBlank(field, value);
        ClientValidationException.require(value.length() <= MAX_LENGTH, field,
                "must be at most " + MAX_LENGTH + " characters, was " + value.length());
        return value;
    }
}
