package com.docsdk.dcycle;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The filters of {@link DcycleClient#listReadings(ReadingQuery)}, every one the API documents. All are optional; the
 * values are checked as they are set, before any request.
 *
 * <pre>{@code
 * ReadingQuery unlinkedWater = ReadingQuery.builder()
 *         .categories(ReadingQuery.WATER, ReadingQuery.ELECTRICITY)
 *         .linked(false)
 *         .name("invoice")                 // case-insensitive
 *         .pageSize(100)
 *         .build();
 * ReadingQuery direct = ReadingQuery.builder().fileIds("3c90c3cc-0d44-4b50-8888-8dd25736052a").build();
 * }</pre>
 */
public final class ReadingQuery {
    /** Known reading categories (the vendor may add more; any non-blank value is sent as is). */
    public static final String WATER = "water";
    public static final String ELECTRICITY = "electricity";
    public static final String GAS = "gas";
    public static final String FUEL_DELIVERY = "fuel_delivery";
    public static final String RECHARGES = "recharges";
    public static final String WASTES = "wastes";

    /** The page size used unless set: the API's default. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    private static final ReadingQuery ALL = builder().build();

    private final List<String> fileIds;
    private final String folderId;
    private final String projectId;
    private final Boolean linked;
    private final String name;
    private final List<String> categories;
    private final int pageSize;

    private ReadingQuery(Builder b) {
        this.fileIds = List.copyOf(b.fileIds);
        this.folderId = b.folderId;
        this.projectId = b.projectId;
        this.linked = b.linked;
        this.name = b.name;
        this.categories = List.copyOf(b.categories);
        this.pageSize = b.pageSize;
    }

    /** No filter: every file reading (and folder) of the organization. */
    public static ReadingQuery all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> fileIds() {
        return fileIds;
    }

    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    public Optional<Boolean> linked() {
        return Optional.ofNullable(linked);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public List<String> categories() {
        return categories;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The list as the generated API takes it: null when empty, so the parameter is left out. */
    List<String> fileIdsOrNull() {
        return fileIds.isEmpty() ? null : fileIds;
    }

    List<String> categoriesOrNull() {
        return categories.isEmpty() ? null : categories;
    }

    @Override
    public String toString() {
        return "ReadingQuery{fileIds=" + Redactor.field("fileIds", fileIds) + ", folderId="
                + Redactor.field("folderId", folderId) + ", projectId=" + Redactor.field("projectId", projectId)
                + ", linked=" + linked + ", name=" + Redactor.field("name", name) + ", categories="
                + Redactor.field("categories", categories) + ", pageSize=" + pageSize + '}';
    }

    /** Builds a {@link ReadingQuery}. */
    public static final class Builder {
        private final List<String> fileIds = new ArrayList<>();
        private String folderId;
        private String projectId;
        private Boolean linked;
        private String name;
        private final List<String> categories = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /** Fetches these files' readings directly ({@code file_id}, repeated). Adds to ids set before. */
        public Builder fileIds(String... fileIds) {
            ClientValidationException.requireNonNull("fileIds", fileIds);
            return fileIds(Arrays.asList(fileIds));
        }

        /** Fetches these files' readings directly ({@code file_id}, repeated). Adds to ids set before. */
        public Builder fileIds(Collection<String> fileIds) {
            ClientValidationException.requireNonNull("fileIds", fileIds);
            int i = this.fileIds.size();
            for (String id : fileIds) {
                this.fileIds.add(Inputs.id("fileIds[" + i++ + "]", id));
            }
            return this;
        }

        /** Lists one folder ({@code folder_id}). */
        public Builder folderId(String folderId) {
            this.folderId = Inputs.id("folderId", folderId);
            return this;
        }

        /** Only readings of this project ({@code project_id}). */
        public Builder projectId(String projectId) {
            this.projectId = Inputs.id("projectId", projectId);
            return this;
        }

        /** Only readings from which records were ({@code true}) or were not ({@code false}) created. */
        public Builder linked(boolean linked) {
            this.linked = linked;
            return this;
        }

        /** Only files whose name matches, case-insensitively ({@code name}). */
        public Builder name(String name) {
            this.name = ClientValidationException.requireNonBlank("name", name);
            return this;
        }

        /** Only these categories ({@code category}, repeated), e.g. {@link #WATER}. Adds to categories set before. */
        public Builder categories(String... categories) {
            ClientValidationException.requireNonNull("categories", categories);
            int i = this.categories.size();
            for (String c : categories) {
                ClientValidationException.requireNonBlank("categories[" + i + "]", c);
                ClientValidationException.require(c.strip().equals(c), "categories[" + i + "]",
                        "must not start or end with whitespace");
                this.categories.add(c);
                i++;
            }
            return this;
        }

        /** Items per page, 1 to 100; default {@value ReadingQuery#DEFAULT_PAGE_SIZE}. */
        public Builder pageSize(int pageSize) {
            this.pageSize = Inputs.pageSize(pageSize);
            return this;
        }

        public ReadingQuery build() {
            return new ReadingQuery(this);
        }
    }
}
