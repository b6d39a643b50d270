package com.docsdk.dcycle;

import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Dcycle's FastAPI error bodies ({@code {detail, code}}, {@code detail} a string or a list of
 * {@code {loc, msg, type}}) with the core's JSON parser, and adds to a 403 from the Dcycle API the hint the vendor
 * documents: check the organization id. Storage (S3) errors, which are XML, get no hint.
 */
final class DcycleErrorParser implements ErrorBodyParser {
    static final DcycleErrorParser INSTANCE = new DcycleErrorParser();

    /** Appended to the vendor's messages on a 403. */
    static final String FORBIDDEN_HINT = "check the organization id: Dcycle answers 403 when x-organization-id ("
            + DcycleClient.ENV_ORGANIZATION_ID + ") names an organization the credential cannot act on";

    private DcycleErrorParser() {
    }

    @Override
    public ErrorDetails parse(int status, String contentType, String body) {
        ErrorDetails details = ErrorBodyParser.json().parse(status, contentType, body);
        if (status != 403 || isXml(contentType, body)) {
            return details;
        }
        List<String> messages = new ArrayList<>(details.messages());
        messages.add(FORBIDDEN_HINT);
        return new ErrorDetails(details.code(), messages, details.fieldErrors(), details.traceId());
    }

    private static boolean isXml(String contentType, String body) {
        return (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml"))
                || (body != null && body.stripLeading().startsWith("<"));
    }
}
