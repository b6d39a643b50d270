package com.docsdk.webadmit;

/**
 * The vendor's documented example bodies (seed 001, shared/vendors/webadmit.md and the vendor's JSON hyper-schemas),
 * verbatim apart from the download URL's host, which tests point at a local "storage" server.
 */
final class WebAdmitExamples {
    private WebAdmitExamples() {
    }

    static final String API_KEY = "0123456789abcdef0123456789abcdef";

    /** Path and query of the documented S3 download URL (seed 001). */
    static final String DOWNLOAD_PATH_AND_QUERY = "/export_files/reports/000/074/780/"
            + "d19d6c0a34b7062c4496530f3d5dbfb_original.txt?AWSAccessKeyId=AKIAIT7746URBGHSHEA&Expires=1425359248"
            + "&Signature=y2jwr78kbVt44xz%2BfaEnp5dXKU%3D&response-content-disposition=attachment%3B%20filename"
            + "%3DTest-API-Export.csv&response-content-type=text%2Fcsv%3Bcharset%3Diso-8859-1";
    static final String DOWNLOAD_PATH = "/export_files/reports/000/074/780/d19d6c0a34b7062c4496530f3d5dbfb_original.txt";
    static final String DOCUMENTED_DOWNLOAD_URL = "https://webadmit-production.s3.amazonaws.com"
            + DOWNLOAD_PATH_AND_QUERY;

    /** GET /api/v1/user_identities (user_identity.json). */
    static final String USER_IDENTITIES = """
            { "href": "/api/v1/user_identities",
              "user_identities": [ { "id": 42, "type": "Admissions User", "association": "SOPHAS",
                "institution": "Demo University", "organization": "Demo University School of Public Health",
                "cycle": "2014 - 2015" } ] }
            """;

    /** GET /api/v1/exports (export.json). */
    static final String EXPORTS = """
            { "href": "/api/v1/exports",
              "exports": [ { "id": 29897, "name": "Nightly Banner Export", "list_type": "all",
                             "format": "Comma-Separated Values", "mime_type": "text/csv;charset=iso-8859-1" } ] }
            """;

    /** GET /api/v1/user_identities/24567/exports (export_by_user_identity.json). */
    static final String EXPORTS_BY_IDENTITY = EXPORTS.replace("\"/api/v1/exports\"",
            "\"/api/v1/user_identities/24567/exports\"");

    /** POST .../export_files, 201 (export_files.json). */
    static final String EXPORT_FILE_CREATED = """
            { "export_files": { "id": 74780, "href": "/api/v1/exports/86466/export_files/74780",
                                "export_id": 86446, "status": "Available" } }
            """;

    /** GET /api/v1/user_identities/37442/export_files (export_files_check_batch.json). */
    static final String RECENT_EXPORT_FILES = """
            { "href": "/api/v1/user_identities/37442/export_files",
              "export_files": [ { "id": 74780, "href": "/api/v1/exports/86466/export_files/74780",
                                  "export_id": 86446, "status": "Available" } ] }
            """;

    /** GET /api/v1/exports/86446/export_files/74780 (seed 001 and export_files_check.json), any status and URL. */
    static String exportFile(String status, String downloadUrl) {
        return """
                {
                  "export_files": {
                    "id": 74780,
                    "href": "/api/v1/exports/86466/export_files/74780",
                    "export_id": 86446,
                    "status": "%s"%s
                  }
                }
                """.formatted(status, downloadUrl == null ? "" : ",\n    \"download_url\": \"" + downloadUrl + "\"");
    }

    /** The seed's documented "available" example with its own download URL. */
    static final String EXPORT_FILE_AVAILABLE_SEED = exportFile("available", DOCUMENTED_DOWNLOAD_URL);

    /** The documented 404 messages (not_found.md, on every endpoint page). */
    static final String[] NOT_FOUND_MESSAGES = {
        "User identity '999' not found.",
        "Program '99999999999' not found.",
        "Applicant '99999999999' not found.",
        "CustomeField '99999999999' not found.",
        "Not Found",
    };
}
