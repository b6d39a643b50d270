package com.docsdk.webadmit;

/** The documented example bodies of the resources beyond exports (shared/vendors/webadmit-docs, the schemata). */
final class ApiExamples {
    private ApiExamples() {
    }

    /** program.md. */
    static final String PROGRAMS = """
            { "href": "/api/v1/user_identities/1/programs",
              "programs": [ { "id": 42023191739237, "name": "Potions",
                              "organization_name": "Hogwarts School of Witchcraft and Wizardry" } ] }
            """;

    /** organization.md. */
    static final String ORGANIZATIONS = """
            { "href": "/api/v1/user_identities/1/organizations",
              "organizations": [ { "id": 42023191739237, "name": "Demo University School of Public Health",
                "cycle_name": "2014 - 2015", "association_name": "SOPHAS", "cas3": true,
                "config_portal_identifier": "2235" } ] }
            """;

    /** decision.md. */
    static final String DECISIONS = """
            { "href": "/api/v1/user_identities/1/decisions",
              "decisions": [ { "id": 42, "name": "Offer Accepted" } ] }
            """;

    /** custom_field.md. */
    static final String CUSTOM_FIELDS = """
            { "href": "/api/v1/user_identities/1/programs/42023191739237/custom_fields",
              "custom_fields": [
                { "id": 4, "label": "Preferred house", "field_type": "select",
                  "options": ["Gryffindor", "Hufflepuff", "Ravenclaw", "Slytherin"] },
                { "id": 5, "label": "University email", "field_type": "string", "options": null },
                { "id": 6, "label": "Enrolled", "field_type": "boolean", "options": null },
                { "id": 7, "label": "Start date", "field_type": "date", "options": null },
                { "id": 8, "label": "Scholarship", "field_type": "number", "options": null } ] }
            """;

    static final String ANSWER_PATH =
            "/api/v1/user_identities/1/programs/42023191739237/applicants_by_cas_id/3/custom_field_answers/4";

    /** custom_field_answer_select.md (GET and PUT). */
    static final String SELECT_ANSWER = """
            { "custom_field_answer": {
                "href": "/api/v1/user_identities/1/programs/42023191739237/applicants_by_cas_id/3/custom_field_answers/4",
                "custom_field_id": 4, "label": "Preferred house", "field_type": "select", "value": "Gryffindor" } }
            """;

    /** custom_field_answer_select.md (DELETE). */
    static final String CLEARED_ANSWER = SELECT_ANSWER.replace("\"Gryffindor\"", "null");

    /** custom_field_answer_select_errors.md. */
    static final String NOT_AN_OPTION = """
            { "errors": { "value": ["\\"XYZ\\" is not a valid option (expected \\"Gryffindor\\", \\"Hufflepuff\\", \\"Ravenclaw\\", or \\"Slytherin\\")"] } }
            """;

    static final String DESIGNATION_PATH =
            "/api/v1/user_identities/1/programs/42023191739237/applicants_by_cas_id/3/designation";

    /** designation.md. */
    static final String DESIGNATION = """
            { "designation": {
                "href": "/api/v1/user_identities/1/programs/42023191739237/applicants_by_cas_id/3/designation",
                "decisions_href": "/api/v1/user_identities/1/decisions",
                "decision": { "id": 42, "name": "Offer Accepted" },
                "local_status": { "id": 123456, "title": "Deposit Made" } } }
            """;

    /** designation_errors.md: a local status is set. */
    static final String LOCAL_STATUS_SET = """
            { "errors": { "decision_id": ["Can't set the decision_id when the local_status is not null"] } }
            """;

    /** designation_errors.md: the decision is not found (a 422, not a 404). */
    static final String DECISION_NOT_FOUND = """
            { "errors": { "schema": ["Decision '99' not found."] } }
            """;

    /** social_security_numbers.md (shortened). */
    static final String SSN_DOCUMENT = "-----BEGIN PGP MESSAGE-----\nVersion: Crypt::OpenPGP 1.06\n\n"
            + "cxvJUFjZYBnZptATmeHO3IS4HWod3F/MqsKZbwRHPiojD9a4nBMmEDIRlf1NmYEfotstsW37C3FCsS6EmTsycpQg9\n"
            + "-----END PGP MESSAGE-----\n";

    static final String BATCH_ANSWERS_PATH =
            "/api/v2/user_identities/1/programs/42023191739237/batch_custom_field_answers";

    /** batch_custom_field_answers.md (POST). */
    static final String BATCH_QUEUED = """
            { "href": "/api/v2/user_identities/1/programs/42023191739237/batch_custom_field_answers/74780",
              "batch": { "id": 74780, "status": "Queued" } }
            """;

    /** batch_custom_field_answers.md (GET), the schema's results example. */
    static final String BATCH_ANSWERS_DONE = """
            { "href": "/api/v2/user_identities/1/programs/42023191739237/batch_custom_field_answers/74780",
              "batch": { "id": 74780, "status": "Available", "results": [
                { "custom_field_answer": { "custom_field_id": 99, "label": "Are you a citizen?",
                    "field_type": "boolean", "value": false },
                  "applicant_cas_id": "123456789", "errors": null },
                { "custom_field_answer": { "custom_field_id": 123, "label": "What is your favorite fruit?",
                    "field_type": "string", "value": "banana" },
                  "applicant_cas_id": "987654321",
                  "errors": { "applicant": "No applicant found for that applicant_cas_id" } } ] } }
            """;

    /** batch_designations.md (GET), the schema's results example. */
    static final String BATCH_DESIGNATIONS_DONE = """
            { "href": "/api/v2/user_identities/1/programs/42023191739237/batch_designations/74780",
              "batch": { "id": 74780, "status": "Success With Errors",
                "href": "/api/v2/user_identities/1/programs/42023191739237/batch_designations/74780",
                "results": [
                { "decision": { "id": 4697, "name": "Matriculated" }, "applicant_cas_id": "1595659994",
                  "errors": { "creation_error": "A newer update (setting decision_id to 4698) is overriding this update" } },
                { "decision": { "id": 4698, "name": "Redirected" }, "applicant_cas_id": "1595659994", "errors": null } ] } }
            """;

    /** batch_custom_field_answers_errors.md. */
    static final String BATCH_MISSING_LIST = """
            { "errors": { "schema": ["The property '#/' did not contain a required property of 'custom_field_answers'"] } }
            """;

    /** pdf_manager_template.md (list). */
    static final String PDF_TEMPLATES = """
            { "href": "/api/v1/user_identities/1/pdf_manager_templates",
              "pdf_manager_templates": [ { "href": "/api/v1/user_identities/1/pdf_manager_templates/2", "id": 2,
                "name": "Accepted Offers for Review", "list_name": "Offer Accepted",
                "document_source_title": "Full Application PDF" } ] }
            """;

    /** pdf_manager_template.md (show). */
    static final String PDF_TEMPLATE = """
            { "pdf_manager_template": { "href": "/api/v1/user_identities/1/pdf_manager_templates/2", "id": 2,
                "name": "Accepted Offers for Review", "list_name": "Offer Accepted",
                "document_source_title": "Full Application PDF" } }
            """;

    /** pdf_manager_batch.md (show, and the 201 of initiate run). */
    static final String PDF_BATCH = """
            { "pdf_manager_batch": { "href": "/api/v1/user_identities/1/pdf_manager_batches/2", "id": 42,
                "updated_at": "2016-01-05T16:51:00Z", "state": "success_with_errors",
                "download_hrefs": [ "/api/v1/user_identities/1/pdf_manager_zip_files/2/download",
                                    "/api/v1/user_identities/1/pdf_manager_zip_files/3/download" ],
                "pdf_manager_template": { "href": "/api/v1/user_identities/1/pdf_manager_templates/2", "id": 2,
                                          "name": "Accepted Offers for Review" } } }
            """;

    /** pdf_manager_batch.md (list): no download_hrefs. */
    static final String PDF_BATCHES = """
            { "href": "/api/v1/user_identities/1/pdf_manager_batches",
              "pdf_manager_batches": [ { "href": "/api/v1/user_identities/1/pdf_manager_batches/2", "id": 2,
                "updated_at": "2016-01-05T16:51:00Z", "state": "success_with_errors",
                "pdf_manager_template": { "href": "/api/v1/user_identities/1/pdf_manager_templates/2", "id": 2,
                                          "name": "Accepted Offers for Review" } } ] }
            """;

    /** pdf_manager_batch_errors.md. */
    static final String CALLBACK_NOT_HTTPS = """
            { "errors": { "schema": ["The property '#/pdf_manager_batch/callback' value \\"http://example.webadmit.org\\" did not match the regex '^https://'"] } }
            """;
}
