package com.docsdk.fileai;

/** The vendor's documented example bodies (openapi/fileai.yaml, from shared/seeds/000 and shared/vendors/fileai.md). */
final class Examples {
    private Examples() {
    }

    static final String FILE_ID = "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908";
    static final String UPLOAD_ID = "f2538513-f0b9-4aa8-9c57-bc0a85c77de6";

    /** One file object of {@code GET /prod/v1/files}. */
    static final String FILE = """
            {
              "fileId": "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908",
              "fileName": "file1.jpg",
              "fileType": "image/jpeg",
              "fileSize": 261928,
              "fileStoragePath": "path/to/file1.jpg",
              "fileHash": "be3ef5fbb21e31c1281300b23b1c918a8ba54427c799aea21865f68d5efd01b7",
              "uploadId": "f2538513-f0b9-4aa8-9c57-bc0a85c77de6",
              "status": "processed",
              "currency": "USD",
              "summary": "Example file",
              "duplicateToFileId": null,
              "referenceId": "1e70a5e860",
              "isDuplicate": false,
              "isEmbedded": false,
              "schemaId": "6835aca6030a79ffaabca742",
              "fileClass": "Receipt",
              "fileContactId": "6835aca2281d9ed1bab90b11",
              "fileContactName": "Example Company",
              "createdAt": "2025-05-27T12:14:24.258Z",
              "updatedAt": "2025-05-27T12:14:24.258Z"
            }""";

    static final String LIST_FILES = "{\"files\": [" + FILE + "], \"count\": 1, \"currentPage\": 1}";

    /** 200 of {@code PATCH /prod/v1/files/{fileId}} (seed 000). */
    static final String EXPORT_STATUS_UPDATED = """
            {
              "fileId": "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908",
              "exportInfo": {
                "integrationExportStatus": "completed",
                "integrationExportMessages": ["Successfully synced to ERP system"],
                "integrationExportUpdatedAt": "2025-01-26T14:30:00.000Z"
              }
            }""";

    /** The error bodies documented for {@code PATCH /prod/v1/files/{fileId}} (seed 000). */
    static final String ERROR_401 = """
            {"message": "Invalid API key | API key is missing", "error": "Unauthorized", "statusCode": 401}""";
    static final String ERROR_403 = """
            {"message": "Access denied. You are in readonly mode.", "error": "Forbidden", "statusCode": 403}""";
    static final String ERROR_404 = """
            {"message": "File with id 53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908 not found", "error": "Not Found",
             "statusCode": 404}""";
    static final String ERROR_422 = """
            {"message": "integrationExportStatus must be one of: error, completed, exporting, empty",
             "statusCode": 422}""";
    static final String ERROR_429 = """
            {"statusCode": 429, "message": "Too Many Requests"}""";

    /** 200 of {@code GET /prod/v1/files/{fileId}/values}. */
    static final String FILE_VALUES = """
            {
              "values": {
                "formValues": [
                  {
                    "id": "67ea5f20650d2fb5e33c1ffb",
                    "fileId": "7870a865-d560-4183-82c1-4b10e696e930_2",
                    "fileName": "7870a865-d560-4183-82c1-4b10e696e930_2.pdf",
                    "fileType": "application/pdf",
                    "createdAt": "2025-03-31T09:50:56.068Z",
                    "updatedAt": "2025-03-31T09:50:56.068Z",
                    "schemaRelationshipId": "67ea5f20650d2fb5e33c1ffb",
                    "languageCode": null,
                    "originalBlueprintFormValuesId": null,
                    "fields": [
                      {"title": "Degree", "type": "string", "description": "The degree obtained by the individual",
                       "format": null, "hidden": false, "value": "Bachelor of Mathematics", "items": null},
                      {"title": "Department", "type": "string",
                       "description": "The department where the degree was obtained", "format": null,
                       "hidden": false, "value": "Mathematics Department", "items": null}
                    ],
                    "metadata": {
                      "createdBy": "67ea5edb650d2fb5e33c1ff2",
                      "userId": "67ea5edb650d2fb5e33c1ff2",
                      "organizationId": "67ea5f20650d2fb5e33c1ffb",
                      "workspaceId": "67ea5f07650d2fb5e33c1ff4"
                    }
                  }
                ],
                "count": 1,
                "currentPage": 1
              }
            }""";

    /** 200 of {@code GET /prod/v1/schemas}. */
    static final String SCHEMAS = """
            {
              "schemas": [
                {
                  "id": "5f5f726eea75272d54e1e1e1",
                  "fields": [{"id": "5f5f726eea75272d54e1e1e2"}],
                  "blueprintId": "5f5f726eea75272d54e1e1e3",
                  "originalSchemaId": "5f5f726eea75272d54e1e1e4",
                  "schemaHistoryId": "5f5f726eea75272d54e1e1e5",
                  "schemaHistoryVersionNumber": 1,
                  "fileId": "5f5f726eea75272d54e1e1e6",
                  "blueprintMode": "USER",
                  "schemaType": "SYSTEM",
                  "state": "ACTIVE",
                  "usageApprovalState": "APPROVED",
                  "schemaOverrideType": "OVERRIDE",
                  "aiSchemaVersion": "5f5f726eea75272d54e1e1e7",
                  "createdAt": "2020-10-05T14:30:00.000Z",
                  "updatedAt": "2020-10-05T14:30:00.000Z",
                  "deletedAt": null,
                  "deletedBy": null
                }
              ],
              "count": 1,
              "currentPage": 1
            }""";

    /** The documented upload request (newest version of the page). */
    static final String UPLOAD_REQUEST = """
            {
              "fileName": "document.pdf",
              "fileType": "application/pdf",
              "isSplit": false,
              "isSplitExcel": false,
              "callbackURL": "https://example.com/callback",
              "ocrModel": "Beethoven_ENG_O5.6",
              "schemaLocking": true,
              "directoryId": "649e2d2d2d2d2d2d2d2d2d2d",
              "isEphemeral": false,
              "pageCount": 50,
              "apiRequestId": "my-batch-request-123"
            }""";

    /** The documented upload response, its presigned URL pointing at {@code storageBaseUrl}. */
    static String uploadResponse(String storageBaseUrl) {
        return """
                {
                  "s3Path": "s3://bucket/upload/file.txt",
                  "presignedUploadURL": "%s/bucket/upload/file.txt?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=3600",
                  "uploadId": "f2538513-f0b9-4aa8-9c57-bc0a85c77de6",
                  "callbackURL": "https://example.com/callback",
                  "ocrModel": "Beethoven_ENG_O5.6",
                  "schemaLocking": true,
                  "isSplit": false,
                  "isSplitExcel": false,
                  "directoryId": "649e2d2d2d2d2d2d2d2d2d2d"
                }""".formatted(storageBaseUrl);
    }

    /** 200 of {@code GET /prod/v1/uploads/{uploadId}}. */
    static final String UPLOAD_STATUS = """
            {
              "statuses": [
                {"status": "completed", "step": "processing_started", "timestamp": "2025-06-11T10:30:30Z"},
                {"status": "completed", "step": "fraud_detection", "timestamp": "2025-06-11T10:31:00Z"}
              ],
              "files": [%s]
            }""".formatted(FILE);

    /** The upload status once the last documented step completed. */
    static final String UPLOAD_FINISHED = """
            {
              "statuses": [
                {"status": "completed", "step": "processing_started", "timestamp": "2025-06-11T10:30:30Z"},
                {"status": "completed", "step": "fraud_detection", "timestamp": "2025-06-11T10:31:00Z"},
                {"status": "completed", "step": "processing_finished", "timestamp": "2025-06-11T10:32:00Z"}
              ],
              "files": [%s]
            }""".formatted(FILE);

    /** 201 of {@code POST /prod/v1/files/preview}, its URL pointing at {@code storageBaseUrl}. */
    static String preview(String storageBaseUrl) {
        return """
                {"signedUrl": "%s/bucket/upload/file.txt?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=1%%2F6%%2BN7Z6h&Expires=3600"}"""
                .formatted(storageBaseUrl);
    }
    /** A status report body, as {@code files().updateExportStatus} takes it. */
    static com.docsdk.fileai.model.FileExportStatusUpdate report(
            com.docsdk.fileai.model.IntegrationExportStatus status, String... messages) {
        return new com.docsdk.fileai.model.FileExportStatusUpdate().integrationExportStatus(status)
                .integrationExportMessages(messages.length == 0 ? null : java.util.List.of(messages));
    }
}
