package com.docsdk.dcycle;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.dcycle.generated.model.CreateRecordsRequest;
import com.docsdk.dcycle.generated.model.FacilityAllocation;
import com.docsdk.dcycle.generated.model.FileReadingReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DcycleClient#createRecords(RecordsRequest)} creates: invoices or wastes from one file reading (the API
 * takes one per request), shared between facilities. Shares are decimals in [0, 1] that together make at most 1.
 *
 * <pre>{@code
 * RecordsRequest records = RecordsRequest.builder("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e")   // reading.id
 *         .facility("a8315ef3-dd50-43f8-b7ce-d839e68d51fa", 0.6)
 *         .facility("1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", 0.4)
 *         .build();
 * dcycle.createRecords(records);
 * }</pre>
 */
public final class RecordsRequest {
    /** Tolerance on the sum of the shares, for decimals such as 0.1 + 0.2. */
    static final double SHARE_TOLERANCE = 1e-9;

    private final CreateRecordsRequest body;

    private RecordsRequest(CreateRecordsRequest body) {
        this.body = body;
    }

    /** Records from the file reading {@code fileReadingId} ({@code reading.id} of a listed reading). */
    public static Builder builder(String fileReadingId) {
        return new Builder(Inputs.id("fileReadingId", fileReadingId));
    }

    /** The request body (a copy each time). */
    CreateRecordsRequest toBody() {
        return copy(body);
    }

    @Override
    public String toString() {
        String projectId = body.getProjectId();
        String supplierId = body.getSupplierId();
        return "RecordsRequest{fileReadingId=" + Redactor.field("fileReadingId", body.getFileReadings().get(0).getId())
                + ", facilities=" + body.getFacilities().stream()
                        .map(f -> Redactor.field("facilityId", f.getId()) + "=" + f.getPercentage()).toList()
                + (projectId == null ? "" : ", projectId=" + Redactor.field("projectId", projectId))
                + (supplierId == null ? "" : ", supplierId=" + Redactor.field("supplierId", supplierId)) + '}';
    }

    /**
     * Checks a request body before it is sent: exactly one file reading with an id, at least one facility, each with
     * an id and a share in [0, 1], the shares summing to at most 1.
     */
    static CreateRecordsRequest validate(CreateRecordsRequest body) {
        ClientValidationException.requireNonNull("request", body);
        List<FileReadingReference> readings = body.getFileReadings();
        ClientValidationException.require(readings != null && readings.size() == 1, "fileReadings",
                "the API accepts exactly one file reading per request, got "
                        + (readings == null ? 0 : readings.size()) + " (MULTIPLE_FILES_NOT_SUPPORTED)");
        ClientValidationException.requireNonNull("fileReadings[0]", readings.get(0));
        Inputs.id("fileReadings[0].id", readings.get(0).getId());
        List<FacilityAllocation> facilities = body.getFacilities();
        ClientValidationException.require(facilities != null && !facilities.isEmpty(), "facilities",
                "at least one facility is required");
        double total = 0;
        for (int i = 0; i < facilities.size(); i++) {
            FacilityAllocation f = ClientValidationException.requireNonNull("facilities[" + i + "]",
                    facilities.get(i));
            Inputs.id("facilities[" + i + "].id", f.getId());
            Double share = f.getPercentage();
            String field = "facilities[" + i + "].percentage";
            ClientValidationException.requireNonNull(field, share);
            ClientValidationException.require(Double.isFinite(share) && share >= 0 && share <= 1, field,
                    "must be a decimal between 0 and 1 (0.6 for 60%), was " + share);
            total += share;
        }
        ClientValidationException.require(total <= 1 + SHARE_TOLERANCE, "facilities",
                "the percentages must total at most 1.0, they total " + total);
        if (body.getProjectId() != null) {
            Inputs.id("projectId", body.getProjectId());
        }
        if (body.getSupplierId() != null) {
            Inputs.id("supplierId", body.getSupplierId());
        }
        return body;
    }

    private static CreateRecordsRequest copy(CreateRecordsRequest b) {
        List<FacilityAllocation> facilities = new ArrayList<>();
        b.getFacilities().forEach(f -> facilities.add(new FacilityAllocation().id(f.getId())
                .percentage(f.getPercentage())));
        return new CreateRecordsRequest()
                .fileReadings(new ArrayList<>(List.of(new FileReadingReference().id(b.getFileReadings().get(0)
                        .getId()))))
                .facilities(facilities).projectId(b.getProjectId()).supplierId(b.getSupplierId());
    }

    /** Builds a {@link RecordsRequest}. */
    public static final class Builder {
        private final String fileReadingId;
        private final List<FacilityAllocation> facilities = new ArrayList<>();
        private String projectId;
        private String supplierId;

        private Builder(String fileReadingId) {
            this.fileReadingId = fileReadingId;
        }

        /** Links the records to a facility with a share in [0, 1] (0.6 for 60%). */
        public Builder facility(String facilityId, double share) {
            facilities.add(new FacilityAllocation().id(Inputs.id("facilityId", facilityId)).percentage(share));
            return this;
        }

        /** Links the records to a project. */
        public Builder projectId(String projectId) {
            this.projectId = Inputs.id("projectId", projectId);
            return this;
        }

        /**
         * The supplier of an electricity invoice; required when a facility is in Spain and Dcycle cannot resolve the
         * supplier.
         */
        public Builder supplierId(String supplierId) {
            this.supplierId = Inputs.id("supplierId", supplierId);
            return this;
        }

        /** @throws ClientValidationException when no facility was given or the shares are out of range */
        public RecordsRequest build() {
            CreateRecordsRequest body = new CreateRecordsRequest()
                    .fileReadings(new ArrayList<>(List.of(new FileReadingReference().id(fileReadingId))))
                    .facilities(new ArrayList<>(facilities)).projectId(projectId).supplierId(supplierId);
            return new RecordsRequest(validate(body));
        }
    }
}
