package com.docsdk.document360;

import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import com.docsdk.core.error.FieldError;
import com.docsdk.document360.internal.JSON;
import com.docsdk.document360.model.ApiError;
import com.docsdk.document360.model.ProblemDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Document360's RFC 7807 {@code application/problem+json} error bodies with the generated {@link ProblemDetails}
 * model: messages are {@code title}, {@code detail} and every {@code errors[].message}; the code is the first
 * {@code errors[].code} (else the {@code type} URI); every {@code errors[]} entry becomes a {@link FieldError} (field
 * empty when the vendor named none) so that all codes reach the exception; {@code trace_id} is the request id.
 * Anything else (an empty 401, an HTML gateway page, another JSON shape) goes to the core's tolerant parser.
 */
final class ProblemDetailsParser implements ErrorBodyParser {
    static final ProblemDetailsParser INSTANCE = new ProblemDetailsParser();

    private ProblemDetailsParser() {
    }

    @Override
    public ErrorDetails parse(int status, String contentType, String body) {
        ProblemDetails problem = readProblem(body);
        if (problem == null) {
            return ErrorBodyParser.json().parse(status, contentType, body);
        }
        List<String> messages = new ArrayList<>();
        add(messages, problem.getTitle());
        add(messages, problem.getDetail());
        String code = problem.getType() == null || "about:blank".equals(problem.getType()) ? null : problem.getType();
        return details(problem.getErrors(), messages, code, problem.getTraceId());
    }

    /**
     * The details of a list of vendor errors: their messages follow {@code leadingMessages}, their first code wins
     * over {@code fallbackCode}.
     */
    static ErrorDetails details(List<ApiError> errors, List<String> leadingMessages, String fallbackCode,
            String traceId) {
        List<String> messages = new ArrayList<>(leadingMessages);
        List<FieldError> entries = new ArrayList<>();
        String code = null;
        for (ApiError error : errors == null ? List.<ApiError>of() : errors) {
            if (error == null) {
                continue;
            }
            if (code == null && error.getCode() != null && !error.getCode().isBlank()) {
                code = error.getCode();
            }
            String message = error.getMessage() != null ? error.getMessage() : error.getDetails();
            add(messages, message);
            entries.add(new FieldError(error.getField(), error.getCode(), message));
        }
        return new ErrorDetails(code != null ? code : fallbackCode, messages, entries, blankToNull(traceId));
    }

    /** The body as a problem document, or null when it is not one (no {@code title}, no {@code errors}). */
    private static ProblemDetails readProblem(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            ProblemDetails p = JSON.getGson().fromJson(body, ProblemDetails.class);
            return p != null && (p.getTitle() != null || p.getErrors() != null) ? p : null;
        } catch (RuntimeException notAProblemDocument) {
            return null;
        }
    }

    private static void add(List<String> messages, String message) {
        if (message != null && !message.isBlank() && !messages.contains(message)) {
            messages.add(message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
