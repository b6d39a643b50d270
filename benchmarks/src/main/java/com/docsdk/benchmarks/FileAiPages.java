package com.docsdk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * fileAI list pages as the API sends them ({@code GET /prod/v1/files}): every documented field of a file, dates in
 * RFC 3339 with milliseconds. Also the plain POJOs a hand-written Gson or Jackson binding would read them into (the
 * baselines of {@link ParseHarness} and {@link ListingHarness}): the same fields, dates and the export status kept as
 * strings, so the baselines do the least work a binding can do.
 */
final class FileAiPages {
    private FileAiPages() {
    }

    /** A page of {@code size} files; {@code count} is the total over all pages. */
    static byte[] page(int size, long count, int firstIndex) {
        StringBuilder sb = new StringBuilder(size * 1100 + 64);
        sb.append("{\"files\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',');
            }
            file(sb, firstIndex + i);
        }
        sb.append("],\"count\":").append(count).append(",\"currentPage\":1}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Page {@code page} (from 1) of a listing: {@code template} (a {@link #page} starting at index 0) with the file
     * ids of that page written over the template's, so that every page holds other files, cheaply.
     */
    static byte[] pageOf(byte[] template, int[] idDigits, int page) {
        byte[] body = template.clone();
        for (int i = 0; i < idDigits.length; i++) {
            long v = (long) (page - 1) * idDigits.length + i;
            for (int d = idDigits[i] + 11; d >= idDigits[i]; d--) {
                body[d] = (byte) ('0' + v % 10);
                v /= 10;
            }
        }
        return body;
    }

    /** Where the 12 variable digits of each file id of {@code template} start. */
    static int[] idDigits(byte[] template) {
        String s = new String(template, StandardCharsets.ISO_8859_1);
        String prefix = "\"fileId\":\"53d6a0b1-2a8d-4ed9-9e6a-";
        java.util.List<Integer> at = new java.util.ArrayList<>();
        for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, i + 1)) {
            at.add(i + prefix.length());
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void file(StringBuilder sb, int i) {
        String id = String.format(Locale.ROOT, "53d6a0b1-2a8d-4ed9-9e6a-%012d", i);
        int ms = i % 1000;
        sb.append("{\"fileId\":\"").append(id).append('"')
                .append(",\"fileName\":\"invoice-").append(i).append(".pdf\"")
                .append(",\"fileType\":\"application/pdf\"")
                .append(",\"fileSize\":").append(261928 + i)
                .append(",\"fileStoragePath\":\"org/6835aca6/ws/7a1/files/invoice-").append(i).append(".pdf\"")
                .append(",\"fileHash\":\"be3ef5fbb21e31c1281300b23b1c918a8ba54427c799aea21865f68d5efd01b7\"")
                .append(",\"uploadId\":\"f2538513-f0b9-4aa8-9c57-bc0a85c77de6\"")
                .append(",\"status\":\"processed\"")
                .append(",\"currency\":\"USD\"")
                .append(",\"summary\":\"Invoice from Example Company, 3 pages, total 1,234.50 USD\"")
                .append(",\"duplicateToFileId\":null")
                .append(",\"referenceId\":\"1e70a5e860\"")
                .append(",\"isDuplicate\":false")
                .append(",\"isEmbedded\":false")
                .append(",\"schemaId\":\"6835aca6030a79ffaabca742\"")
                .append(",\"fileClass\":\"Invoice\"")
                .append(",\"fileContactId\":\"6835aca2281d9ed1bab90b11\"")
                .append(",\"fileContactName\":\"Example Company\"")
                .append(",\"createdAt\":\"2025-05-27T12:14:24.").append(String.format(Locale.ROOT, "%03d", ms))
                .append("Z\"")
                .append(",\"updatedAt\":\"2025-05-28T08:01:02.").append(String.format(Locale.ROOT, "%03d", ms))
                .append("Z\"")
                .append(",\"integrationExportStatus\":\"completed\"")
                .append(",\"integrationExportMessages\":[\"Successfully synced to ERP system\"]")
                .append(",\"integrationExportUpdatedAt\":\"2025-05-28T08:05:00.000+02:00\"}");
    }

    /** The plain-Gson / Jackson baseline of a page. Public fields: Jackson binds them without annotations. */
    public static final class PlainPage {
        public List<PlainFile> files;
        public Long count;
        public Integer currentPage;
    }

    /** The plain baseline of a file. */
    public static final class PlainFile {
        public String fileId;
        public String fileName;
        public String fileType;
        public Long fileSize;
        public String fileStoragePath;
        public String fileHash;
        public String uploadId;
        public String status;
        public String currency;
        public String summary;
        public String duplicateToFileId;
        public String referenceId;
        public Boolean isDuplicate;
        public Boolean isEmbedded;
        public String schemaId;
        public String fileClass;
        public String fileContactId;
        public String fileContactName;
        public String createdAt;
        public String updatedAt;
        public String integrationExportStatus;
        public List<String> integrationExportMessages;
        public String integrationExportUpdatedAt;
    }
}
