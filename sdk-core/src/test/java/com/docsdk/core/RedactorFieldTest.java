package com.docsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Redactor#field}: how generated models and hand-written values print each field in toString(). */
class RedactorFieldTest {
    private static final String SIGNED = "https://acct.blob.core.windows.net/c/f.zip?sv=2024&sig=SECRETSIG123";
    private static final String SIGNED_REDACTED = "https://acct.blob.core.windows.net/c/f.zip?sv=2024&sig=REDACTED";

    @Test
    void aFieldNamedLikeACredentialPrintsNothingOfItsValue() {
        for (String name : List.of("accessToken", "access_token", "refresh-token", "clientSecret", "password",
                "apiKey", "api_key", "X-Api-Key", "awsAccessKeyId", "credentials", "signature", "Authorization",
                "sig", "cookie")) {
            assertEquals(Redactor.REDACTED, Redactor.field(name, "tok_SECRETVALUE123"), name);
        }
    }

    @Test
    void aSocialSecurityNumberFieldPrintsNothingOfItsValue() {
        for (String name : List.of("ssn", "SSN", "applicantSsn", "applicant_ssn", "ssns", "social_security_number",
                "socialSecurityNumbers", "Social-Security-Number")) {
            assertEquals(Redactor.REDACTED, Redactor.field(name, "078-05-1120"), name);
        }
        Map<String, Object> unknownFields = new LinkedHashMap<>();
        unknownFields.put("ssn", "078-05-1120");
        assertEquals("{ssn=REDACTED}", Redactor.field("additionalProperties", unknownFields));
        // Only the whole word: names merely containing the letters still print.
        assertEquals("Widget", Redactor.field("className", "Widget"));
        assertEquals("Ada", Redactor.field("sessionName", "Ada"));
    }

    @Test
    void anyOtherFieldPrintsItsValueWithUrlSecretsRemoved() {
        assertEquals(SIGNED_REDACTED, Redactor.field("downloadUrl", SIGNED));
        // A secret value runs to the next separator: the closing bracket goes with it rather than risk a secret's tail.
        assertEquals("Optional[" + SIGNED_REDACTED, Redactor.field("contentType", Optional.of(SIGNED)));
        assertEquals("invoice-7.pdf", Redactor.field("fileName", "invoice-7.pdf"));
        assertEquals("42", Redactor.field("count", 42));
        assertEquals("null", Redactor.field("downloadUrl", null));
        assertEquals("null", Redactor.field("accessToken", null));
    }

    @Test
    void mapEntriesAreJudgedByTheirKeyAndListElementsOneByOne() {
        Map<String, Object> unknownFields = new LinkedHashMap<>();
        unknownFields.put("sas_token", "tok_SECRETVALUE123");
        unknownFields.put("signed_url", SIGNED);
        unknownFields.put("nested", Map.of("client_secret", "s3cr3t"));
        assertEquals("{sas_token=REDACTED, signed_url=" + SIGNED_REDACTED + ", nested={client_secret=REDACTED}}",
                Redactor.field("additionalProperties", unknownFields));
        assertEquals("[" + SIGNED_REDACTED + ", plain]", Redactor.field("urls", List.of(SIGNED, "plain")));
    }

    @Test
    void anAllowListedHeaderValueHasItsUrlsRedactedToo() {
        assertEquals("see " + SIGNED_REDACTED, Redactor.headerValue("X-Request-Id", "see " + SIGNED));
        assertEquals(Redactor.REDACTED, Redactor.headerValue("X-Api-Key", "tok_SECRETVALUE123"));
    }
}
