package com.docsdk.smartdocumentor;

import com.docsdk.core.Redactor;

/**
 * An integer status code with its name, as SmartDocumentor sends them ({@code taskStatus}/{@code taskStatusText},
 * {@code integrationStatus}/{@code integrationStatusText}). Equality is by type and code only; immutable.
 */
abstract class CodedStatus {
    private final int code;
    private final String name;

    CodedStatus(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The server's text for a code, trimmed, or {@code Unknown(code)} when it sent none. */
    static String nameFor(int code, String text) {
        return text == null || text.isBlank() ? "Unknown(" + code + ")" : text.trim();
    }

    /** The vendor's integer code, as sent and received. */
    public final int code() {
        return code;
    }

    /** The name of the code: the SDK's for a known code, else the server's text, or {@code Unknown(code)}. */
    public final String name() {
        return name;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((CodedStatus) o).code == code;
    }

    @Override
    public final int hashCode() {
        return Integer.hashCode(code);
    }

    @Override
    public final String toString() {
        return Redactor.text(name) + "(" + code + ")";
    }
}
