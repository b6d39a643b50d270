package com.docsdk.fileai;

import com.docsdk.core.ClientValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which files {@link FileAiClient#listFiles(FileQuery)} lists, in what order, and how many per page. Immutable;
 * every setting is optional.
 *
 * <pre>{@code
 * FileQuery changed = FileQuery.builder()
 *         .updatedAfter(Instant.parse("2025-01-01T00:00:00Z"))   // inclusive: "updated on or after"
 *         .sortBy(FileQuery.SORT_BY_UPDATED_AT).sortOrder(FileQuery.SortOrder.DESC)
 *         .pageSize(50)
 *         .build();
 * for (FileInfo file : client.listFiles(changed)) { ... }
 * }</pre>
 */
public final class FileQuery {
    /** The documented default sort field. */
    public static final String SORT_BY_CREATED_AT = "createdAt";
    /** Sorting by the last update (a field of every file; sort fields other than the default are not documented). */
    public static final String SORT_BY_UPDATED_AT = "updatedAt";
    /** The documented default page size. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final FileQuery ALL = builder().build();

    private final List<String> fileIds;
    private final Instant updatedAfter;
    private final Instant createdAfter;
    private final String sortBy;
    private final SortOrder sortOrder;
    private final int pageSize;

    private FileQuery(Builder b) {
        this.fileIds = List.copyOf(b.fileIds);
        this.updatedAfter = b.updatedAfter;
        this.createdAfter = b.createdAfter;
        this.sortBy = b.sortBy;
        this.sortOrder = b.sortOrder;
        this.pageSize = b.pageSize;
    }

    /** Every file, in the API's default order, {@value #DEFAULT_PAGE_SIZE} per page. */
    public static FileQuery all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.fileIds.addAll(fileIds);
        b.updatedAfter = updatedAfter;
        b.createdAfter = createdAfter;
        b.sortBy = sortBy;
        b.sortOrder = sortOrder;
        b.pageSize = pageSize;
        return b;
    }

    /** The ids to restrict the list to; empty for no restriction. */
    public List<String> fileIds() {
        return fileIds;
    }

    public Optional<Instant> updatedAfter() {
        return Optional.ofNullable(updatedAfter);
    }

    public Optional<Instant> createdAfter() {
        return Optional.ofNullable(createdAfter);
    }

    public Optional<String> sortBy() {
        return Optional.ofNullable(sortBy);
    }

    public Optional<SortOrder> sortOrder() {
        return Optional.ofNullable(sortOrder);
    }

    /** Items requested per page ({@code limit}). */
    public int pageSize() {
        return pageSize;
    }

    /**
     * The {@code fileIds} query value: one id as is (the documented form); several as a JSON array of strings, the
     * form a third-party integration uses (the multi-id encoding is not documented).
     */
    Optional<String> fileIdsParameter() {
        if (fileIds.isEmpty()) {
            return Optional.empty();
        }
        if (fileIds.size() == 1) {
            return Optional.of(fileIds.get(0));
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < fileIds.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(fileIds.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return Optional.of(sb.append(']').toString());
    }

    @Override
    public String toString() {
        return "FileQuery{fileIds=" + fileIds + ", updatedAfter=" + updatedAfter + ", createdAfter=" + createdAfter
                + ", sortBy=" + sortBy + ", sortOrder=" + sortOrder + ", pageSize=" + pageSize + '}';
    }

    /** Sort direction of a file list. */
    public enum SortOrder {
        ASC, DESC
    }

    /** Builds a {@link FileQuery}; each setter validates its argument at once. */
    public static final class Builder {
        private final List<String> fileIds = new ArrayList<>();
        private Instant updatedAfter;
        private Instant createdAfter;
        private String sortBy;
        private SortOrder sortOrder;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /** Restricts the list to these files (replacing earlier ids). */
        public Builder fileIds(List<String> ids) {
            ClientValidationException.requireNonNull("fileIds", ids);
            List<String> copy = new ArrayList<>();
            for (String id : ids) {
                copy.add(ClientValidationException.requireNonBlank("fileIds", id).trim());
            }
            fileIds.clear();
            fileIds.addAll(copy);
            return this;
        }

        /** Restricts the list to these files (replacing earlier ids). */
        public Builder fileIds(String... ids) {
            ClientValidationException.requireNonNull("fileIds", ids);
            return fileIds(Arrays.asList(ids));
        }

        /** Files updated on or after this instant. */
        public Builder updatedAfter(Instant instant) {
            this.updatedAfter = ClientValidationException.requireNonNull("updatedAfter", instant);
            return this;
        }

        /** Files created on or after this instant. */
        public Builder createdAfter(Instant instant) {
            this.createdAfter = ClientValidationException.requireNonNull("createdAfter", instant);
            return this;
        }

        /** The field to sort by, e.g. {@link #SORT_BY_CREATED_AT} (the API's default) or {@link #SORT_BY_UPDATED_AT}. */
        public Builder sortBy(String field) {
            String f = ClientValidationException.requireNonBlank("sortBy", field).trim();
            ClientValidationException.require(f.chars().allMatch(Character::isLetterOrDigit), "sortBy",
                    "must be a field name (letters and digits), got '" + field + "'");
            this.sortBy = f;
            return this;
        }

        public Builder sortOrder(SortOrder order) {
            this.sortOrder = ClientValidationException.requireNonNull("sortOrder", order);
            return this;
        }

        /** Items per page ({@code limit}), at least 1; default {@value #DEFAULT_PAGE_SIZE}. */
        public Builder pageSize(int size) {
            ClientValidationException.require(size >= 1, "pageSize", "must be at least 1, got " + size);
            this.pageSize = size;
            return this;
        }

        public FileQuery build() {
            return new FileQuery(this);
        }
    }
}
