package com.docsdk.cli;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.error.RedirectRefusedException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.wait.WaitInterruptedException;
import com.docsdk.core.wait.WaitTimeoutException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import picocli.CommandLine;

/** The documented exit codes of {@code docsdk}, mapped from the SDK's exceptions. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int AUTHENTICATION = 4;
    public static final int PERMISSION = 5;
    public static final int RATE_LIMITED = 6;
    public static final int SERVER_OR_TRANSPORT = 7;
    /** Finished with errors: "Success With Errors", a 207, a partial batch. */
    public static final int FINISHED_WITH_ERRORS = 8;
    public static final int WAIT_TIMED_OUT = 9;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code of a command that failed with {@code failure}. */
    public static int of(Throwable failure) {
        if (isInterrupt(failure)) {
            return INTERRUPTED;
        }
        if (failure instanceof CommandLine.ParameterException || failure instanceof ClientValidationException
                || failure instanceof UsageException) {
            return USAGE;
        }
        if (failure instanceof FinishedWithErrors) {
            return FINISHED_WITH_ERRORS;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (failure instanceof PermissionDeniedException) {
            return PERMISSION;
        }
        if (failure instanceof RateLimitException) {
            return RATE_LIMITED;
        }
        if (failure instanceof ServerException || failure instanceof TransportException
                || failure instanceof RedirectRefusedException) {
            return SERVER_OR_TRANSPORT;
        }
        if (failure instanceof WaitTimeoutException) {
            return WAIT_TIMED_OUT;
        }
        return FAILURE;
    }

    static boolean isInterrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WaitInterruptedException || t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException
                    || (t instanceof InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A command finished, but some of its items failed (exit 8). */
    public static final class FinishedWithErrors extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FinishedWithErrors(String message) {
            super(message);
        }
    }

    /** A command was used wrongly in a way picocli cannot see (exit 2). */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
