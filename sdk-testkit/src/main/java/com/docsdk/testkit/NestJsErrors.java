package com.docsdk.testkit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** fileAI's error bodies: NestJS's {@code {statusCode, message, error}}. */
final class NestJsErrors {
    private static final Pattern ENUM_VALUES = Pattern.compile("possible values: \\[(.*)]");

    private NestJsErrors() {
    }

    static SimResponse error(int status, String message, String error) {
        return SimResponse.json(status, Json.object()
                .put("message", message)
                .putIfPresent("error", error)
                .put("statusCode", status)
                .build());
    }

    /**
     * Body violations as the documented 422 ({@code "integrationExportStatus must be one of: error, completed..."}),
     * other violations as NestJS's default 400 Bad Request.
     */
    static SimResponse invalid(List<ContractViolation> violations) {
        boolean body = violations.stream().allMatch(ContractViolation::isBody);
        String message = violations.stream().map(NestJsErrors::sentence).distinct()
                .collect(Collectors.joining("; "));
        return body ? error(422, message, null) : error(400, message, "Bad Request");
    }

    private static String sentence(ContractViolation v) {
        Matcher m = ENUM_VALUES.matcher(v.message());
        if (v.key().endsWith(".enum") && m.find()) {
            return v.field() + " must be one of: " + m.group(1).replace("\"", "").replace(",", ", ");
        }
        return v.field() + ": " + v.message();
    }
}
