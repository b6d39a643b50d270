package com.docsdk.dcycle;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.dcycle.model.FileReadingListItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DcycleRecords#createRecords} creates: the records of one file's reading, linked to facilities named by
 * id or by name with their shares (totalling at most 1), optionally to a project and a supplier. Every value is
 * checked by {@link Builder#build()}, before any request. Immutable.
 *
 * <pre>{@code
 * RecordsRequest request = RecordsRequest.forReading(item)           // an item of fileReadings().list / awaitReading
 *         .facility(FacilityShare.byName("Madrid Office", 0.6))
 *         .facility(FacilityShare.byId(lisbonId, 0.4))
 *         .build();
 * }</pre>
 */
public final class RecordsRequest {
    private final String fileId;
    private final String fileReadingId;
    private final String category;
    private final List<FacilityShare> facilities;
    private final String projectId;
    private final String supplierId;

    private RecordsRequest(Builder b) {
        this.fileId = b.fileId;
        this.fileReadingId = b.fileReadingId;
        this.category = b.category;
        this.facilities = List.copyOf(b.facilities);
        this.projectId = b.projectId;
        this.supplierId = b.supplierId;
    }

    /**
     * The records of a listed reading: its file id, its reading's id and its category.
     *
     * @throws ClientValidationException naming {@code reading} when it has no file id or no reading id
     */
    public static Builder forReading(FileReadingListItem reading) {
        ClientValidationException.requireNonNull("reading", reading);
        ClientValidationException.require(reading.getReading() != null && reading.getReading().getId() != null,
                "reading", "has no reading id: the file was not read yet (awaitReading first)");
        Builder b = forReading(reading.getId(), reading.getReading().getId());
        b.category = reading.getCategory();
        return b;
    }

    /** The records of the reading {@code fileReadingId} of the file {@code fileId}. */
    public static Builder forReading(String fileId, String fileReadingId) {
        Builder b = new Builder();
        b.fileId = id("fileId", fileId);
        b.fileReadingId = id("fileReadingId", fileReadingId);
        return b;
    }

    private static String id(String field, String value) {
        ClientValidationException.requireNonBlank(field, value);
        ClientValidationException.require(!value.matches(".*\\s.*"), field, "must not contain whitespace");
        return value;
    }

    /** The file whose reading the records come from. */
    public String fileId() {
        return fileId;
    }

    /** The reading the records are created from. */
    public String fileReadingId() {
        return fileReadingId;
    }

    /** The reading's category ({@code wastes} makes waste records, others invoices), when known. */
    public Optional<String> category() {
        return Optional.ofNullable(category);
    }

    /** The facilities and their shares, in order. */
    public List<FacilityShare> facilities() {
        return facilities;
    }

    /** The project to link the records to. */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** The supplier (electricity; required for Spanish facilities when none can be resolved). */
    public Optional<String> supplierId() {
        return Optional.ofNullable(supplierId);
    }

    @Override
    public String toString() {
        return "RecordsRequest{fileId=" + Redactor.field("fileId", fileId) + ", fileReadingId="
                + Redactor.field("fileReadingId", fileReadingId) + ", category=" + Redactor.field("category", category)
                + ", facilities=" + facilities + ", projectId=" + Redactor.field("projectId", projectId)
                + ", supplierId=" + Redactor.field("supplierId", supplierId) + '}';
    }

    /** Builds a {@link RecordsRequest}. */
    public static final class Builder {
        private String fileId;
        private String fileReadingId;
        private String category;
        private final List<FacilityShare> facilities = new ArrayList<>();
        private String projectId;
        private String supplierId;

        private Builder() {
        }

        /** Adds a facility and its share. */
        public Builder facility(FacilityShare facility) {
            facilities.add(ClientValidationException.requireNonNull("facility", facility));
            return this;
        }

        /** The reading's category, when not taken from a listed reading ({@code wastes}, {@code water}...). */
        public Builder category(String category) {
            this.category = ClientValidationException.requireNonBlank("category", category);
            return this;
        }

        /** The project to link the records to (a UUID from {@code projects().list()}). */
        public Builder projectId(String projectId) {
            this.projectId = id("projectId", projectId);
            return this;
        }

        /** The supplier (electricity readings). */
        public Builder supplierId(String supplierId) {
            this.supplierId = id("supplierId", supplierId);
            return this;
        }

        /**
         * The request.
         *
         * @throws ClientValidationException naming {@code facilities} when none was given, or the shares total
         *     more than 1 (the rule of {@code ReadingRules}, checked here before any facility is looked up)
         */
        public RecordsRequest build() {
            ClientValidationException.require(!facilities.isEmpty(), "facilities", "at least one facility is required");
            double total = facilities.stream().mapToDouble(FacilityShare::share).sum();
            ClientValidationException.require(total <= 1 + ReadingRules.SHARE_TOLERANCE, "facilities",
                    "the shares must total at most 1.0 (0.6 for 60%), they total " + total);
            return new RecordsRequest(this);
        }
    }
}
