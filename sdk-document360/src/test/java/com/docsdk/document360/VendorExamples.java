package com.docsdk.document360;

import java.util.UUID;

/**
 * The vendor's documented example bodies (seed 004, shared/vendors/document360.md and the v3.1 reference
 * shared/vendors/document360-v3.1-reference.json), verbatim.
 */
final class VendorExamples {
    static final UUID PROJECT_ID = UUID.fromString("d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
    static final UUID VERSION_ID = UUID.fromString("4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a");
    /** The default workspace of the v3.1 list example ("v1.0"); the same id as {@link #VERSION_ID}. */
    static final UUID WORKSPACE_ID = VERSION_ID;
    /** The second workspace of the v3.1 list example ("v2.0"). */
    static final UUID WORKSPACE_2_ID = UUID.fromString("5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b");
    /** The workspace of the v3.1 start-export examples. */
    static final UUID EXPORTED_WORKSPACE_ID = UUID.fromString("1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6");
    static final UUID EXPORT_ID = UUID.fromString("f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b");
    static final String PROJECTS_PATH = "/v3/projects";
    static final String PROJECT_PATH = PROJECTS_PATH + "/" + PROJECT_ID;
    static final String VERSIONS_PATH = PROJECT_PATH + "/project-versions";
    static final String WORKSPACES_PATH = PROJECT_PATH + "/workspaces";
    static final String EXPORTS_PATH = PROJECT_PATH + "/exports";
    static final String EXPORT_PATH = EXPORTS_PATH + "/" + EXPORT_ID;

    /** GET /v3/projects. */
    static final String PROJECT_LIST = """
            { "data": [ { "id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", "name": "Product Documentation",
              "description": "Public-facing product documentation and guides", "sub_domain_name": "docs-product",
              "created_at": "2025-01-15T10:30:00Z", "modified_at": "2025-08-20T16:00:00Z", "status": 0 } ],
              "success": true, "request_id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "errors": [], "warnings": [] }
            """;

    /** GET /v3/projects/{project_id}. */
    static final String PROJECT = """
            {
              "data": {
                "id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d",
                "name": "Product Documentation",
                "description": "Public-facing product documentation and guides",
                "sub_domain_name": "docs-product",
                "created_at": "2025-01-15T10:30:00Z",
                "modified_at": "2025-08-20T16:00:00Z",
                "status": 0
              },
              "success": true,
              "request_id": "b2c3d4e5-f6a7-8901-bcde-f12345678901",
              "errors": [],
              "warnings": []
            }
            """;

    /** GET /v3/projects/{project_id}/project-versions/{project_version_id}. */
    static final String PROJECT_VERSION = """
            {
              "data": {
                "language_code": "en", "enable_rtl": false, "id": "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a",
                "name": "v1.0", "slug": "v1-0", "order": 0, "is_default": true, "version_type": null,
                "created_at": "2025-01-15T10:30:00Z", "modified_at": "2025-08-10T14:00:00Z"
              },
              "success": true, "request_id": "req_abc123def456", "errors": null, "warnings": null
            }
            """;

    /** GET /v3/projects/{project_id}/project-versions (built from the single-version example). */
    static final String PROJECT_VERSION_LIST = """
            {
              "data": [ {
                "language_code": "en", "enable_rtl": false, "id": "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a",
                "name": "v1.0", "slug": "v1-0", "order": 0, "is_default": true, "version_type": null,
                "created_at": "2025-01-15T10:30:00Z", "modified_at": "2025-08-10T14:00:00Z"
              } ],
              "success": true, "request_id": "req_abc123def456", "errors": null, "warnings": null
            }
            """;

    /** GET /v3/projects/{project_id}/workspaces (v3.1 reference, "List of workspaces"). */
    static final String WORKSPACE_LIST = """
            {
              "data": [
                { "id": "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a", "name": "v1.0", "slug": "v1-0", "order": 0,
                  "is_default": true, "workspace_type": null, "created_at": "2025-01-15T10:30:00Z",
                  "modified_at": "2025-08-10T14:00:00Z" },
                { "id": "5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b", "name": "v2.0", "slug": "v2-0", "order": 1,
                  "is_default": false, "workspace_type": null, "created_at": "2025-04-10T08:00:00Z",
                  "modified_at": "2025-09-01T12:00:00Z" }
              ],
              "success": true, "request_id": "req_abc123def456", "errors": null, "warnings": null
            }
            """;

    /** GET /v3/projects/{project_id}/workspaces/{workspace_id} (v3.1 reference, "Single workspace detail"). */
    static final String WORKSPACE = """
            {
              "data": {
                "language_code": "en", "enable_rtl": false, "id": "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a",
                "name": "v1.0", "slug": "v1-0", "order": 0, "is_default": true, "workspace_type": null,
                "created_at": "2025-01-15T10:30:00Z", "modified_at": "2025-08-10T14:00:00Z"
              },
              "success": true, "request_id": "req_abc123def456", "errors": null, "warnings": null
            }
            """;

    /** The documented request body of POST /v3/projects/{project_id}/exports (v3.1 "Export as PDF"). */
    static final String START_EXPORT_REQUEST = """
            {"workspace_id":"1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6","lang_code":"en","format":"pdf"}
            """;

    /** The same request as an older server (project versions) documented it. */
    static final String START_EXPORT_REQUEST_PROJECT_VERSION = """
            {"project_version_id":"1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6","lang_code":"en","format":"pdf"}
            """;

    /** 202 of POST /v3/projects/{project_id}/exports. */
    static final String EXPORT_STARTED = """
            { "data": { "id": "f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b", "status": "Pending", "download_url": null,
                        "completed_at": null },
              "success": true, "request_id": "c3d4e5f6-a7b8-9012-cdef-123456789012", "errors": [], "warnings": [] }
            """;

    /** 200 of GET /v3/projects/{project_id}/exports/{export_id}: "Export completed". */
    static final String EXPORT_COMPLETED = """
            {
              "data": {
                "id": "f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b",
                "status": "Completed",
                "download_url": "https://storage.document360.io/exports/f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b/export-2025-06-15.zip",
                "completed_at": "2025-06-15T12:00:00Z"
              },
              "success": true,
              "request_id": "d4e5f6a7-b8c9-0123-defa-234567890123",
              "errors": [],
              "warnings": []
            }
            """;

    static final String UNAUTHORIZED = """
            {
              "type": "https://developer.document360.com/errors/unauthorized",
              "title": "Unauthorized.",
              "status": 401,
              "detail": "The authentication token is missing or has expired.",
              "instance": null,
              "trace_id": "req_abc123def456",
              "errors": [
                { "code": "UNAUTHORIZED", "message": "Bearer token is missing or invalid.", "field": null,
                  "details": null }
              ],
              "warnings": null
            }
            """;

    static final String NOT_FOUND = """
            {
              "type": "https://developer.document360.com/errors/not-found",
              "title": "Not Found.",
              "status": 404,
              "detail": "The requested resource does not exist or has been deleted.",
              "instance": null,
              "trace_id": "req_abc123def456",
              "errors": [
                { "code": "RESOURCE_NOT_FOUND", "message": "The requested resource was not found.", "field": null,
                  "details": null }
              ],
              "warnings": null
            }
            """;

    static final String TOO_MANY_REQUESTS = """
            {
              "type": "https://developer.document360.com/errors/too-many-requests",
              "title": "Too Many Requests.",
              "status": 429,
              "detail": "Rate limit exceeded. Retry after the duration specified in the Retry-After header.",
              "instance": null,
              "trace_id": "req_abc123def456",
              "errors": [
                { "code": "TOO_MANY_REQUESTS",
                  "message": "Rate limit exceeded. Retry after the duration specified in the Retry-After header.",
                  "field": null, "details": null }
              ],
              "warnings": null
            }
            """;

    static final String INTERNAL_ERROR = """
            {
              "type": "https://developer.document360.com/errors/internal-error",
              "title": "Internal Server Error.",
              "status": 500,
              "detail": "An unexpected error occurred. Please try again or contact support.",
              "instance": null,
              "trace_id": "req_abc123def456",
              "errors": [
                { "code": "INTERNAL_SERVER_ERROR", "message": "An unexpected error occurred.", "field": null,
                  "details": null }
              ],
              "warnings": null
            }
            """;

    /** The spec's 400 example (inferred by the spec from the vendor's VALIDATION_ERROR code). */
    static final String BAD_REQUEST = """
            { "type": "https://developer.document360.com/errors/validation-error", "title": "Bad Request.",
              "status": 400, "detail": "One or more validation errors occurred.", "instance": null,
              "trace_id": "req_abc123def456",
              "errors": [ { "code": "VALIDATION_ERROR", "message": "page_size must be between 1 and 100.",
                            "field": "page_size", "details": null } ],
              "warnings": null }
            """;

    /** A 403 with the third-party-reported license codes. */
    static final String FORBIDDEN = """
            { "type": "https://developer.document360.com/errors/forbidden", "title": "Forbidden.", "status": 403,
              "detail": "Your plan does not include API access.", "instance": null, "trace_id": "req_forbidden_1",
              "errors": [ { "code": "FORBIDDEN", "message": "Access denied.", "field": null, "details": null },
                          { "code": "FEATURE_NOT_IN_LICENSE", "message": "The API is not in your license.",
                            "field": null, "details": null } ],
              "warnings": null }
            """;

    /** A 422 naming the field at fault (inferred by the spec). */
    static final String UNPROCESSABLE = """
            { "type": "https://developer.document360.com/errors/validation-error", "title": "Unprocessable Entity.",
              "status": 422, "detail": "The workspace is invalid.", "instance": null,
              "trace_id": "req_unprocessable_1",
              "errors": [ { "code": "VALIDATION_ERROR", "message": "Workspace not found.",
                            "field": "workspace_id", "details": null } ],
              "warnings": null }
            """;

    private VendorExamples() {
    }

    /** An export status body with {@code status} and, when given, a {@code download_url}. */
    static String exportStatus(String status, String downloadUrl) {
        return "{\"data\": {\"id\": \"" + EXPORT_ID + "\", \"status\": \"" + status + "\", \"download_url\": "
                + (downloadUrl == null ? "null" : "\"" + downloadUrl + "\"") + ", \"completed_at\": null},"
                + " \"success\": true, \"request_id\": \"poll-" + status + "\", \"errors\": [], \"warnings\": []}";
    }
}
