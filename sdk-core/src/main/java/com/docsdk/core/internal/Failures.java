package com.docsdk.core.internal;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.Request;

/** Turns I/O failures into {@link TransportException}s with redacted, readable messages. */
public final class Failures {
    private Failures() {
    }

    static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    public static TransportException transport(Request request, IOException e, int attempts, String note,
            SecretRegistry secrets) {
        return transport(request, e, attempts, note, false, secrets);
    }

    public static TransportException transport(Request request, IOException e, int attempts, String note,
            boolean callTimedOut, SecretRegistry secrets) {
        boolean timeout = callTimedOut || isTimeout(e);
        StringBuilder sb = new StringBuilder();
        sb.append(request.method()).append(' ').append(Redactor.url(request.url())).append(" failed: ")
                .append(callTimedOut ? "the call timed out" : timeout ? "timed out" : describe(e));
        if (attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        if (note != null) {
            sb.append(" (").append(note).append(')');
        }
        return new TransportException(secrets.scrub(sb.toString()), e, attempts, timeout);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + Redactor.text(message);
    }
}
