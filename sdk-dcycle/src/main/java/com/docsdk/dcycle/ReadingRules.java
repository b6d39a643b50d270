package com.docsdk.dcycle;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.dcycle.model.CreateRecordsRequest;
import com.docsdk.dcycle.model.FacilityAllocation;
import com.docsdk.dcycle.model.FileReadingUpdateRequest;
import java.util.List;
import java.util.Map;

/**
 * The rules of the file-reading operations that the spec cannot state. The generated {@code fileReadings()} service
 * runs them ({@code x-docsdk-check} in {@code openapi/dcycle.yaml}) after the spec's own checks (ids, required
 * fields, each share in [0, 1]) and before anything is sent; each failure is a {@link ClientValidationException}
 * naming the field.
 *
 * <pre>{@code
 * dcycle.fileReadings().createRecords(new CreateRecordsRequest()
 *         .addFileReadingsItem(new FileReadingReference().id(readingId))
 *         .addFacilitiesItem(new FacilityAllocation().id(madrid).percentage(0.6))
 *         .addFacilitiesItem(new FacilityAllocation().id(lisbon).percentage(0.4)));   // 0.6 + 0.4 <= 1
 * }</pre>
 */
public final class ReadingRules {
    /** Tolerance on the sum of the shares, for decimals such as 0.1 + 0.2 + 0.7. */
    static final double SHARE_TOLERANCE = 1e-9;

    private static final String RECORDS = "createRecordsRequest";
    private static final String UPDATE = "fileReadingUpdateRequest";

    private ReadingRules() {
    }

    /**
     * {@code createRecords}: exactly one file reading (Dcycle refuses more with {@code MULTIPLE_FILES_NOT_SUPPORTED},
     * a business error the spec keeps out of {@code maxItems}), and facility shares totalling at most 1.
     */
    public static void checkRecords(CreateRecordsRequest body, RequestOptions options) {
        int readings = body.getFileReadings() == null ? 0 : body.getFileReadings().size();
        ClientValidationException.require(readings == 1, RECORDS + ".file_readings",
                "the API accepts exactly one file reading per request, got " + readings
                        + " (MULTIPLE_FILES_NOT_SUPPORTED)");
        double total = 0;
        for (FacilityAllocation f : body.getFacilities()) {
            total += f.getPercentage();
        }
        ClientValidationException.require(total <= 1 + SHARE_TOLERANCE, RECORDS + ".facilities",
                "the percentages must total at most 1.0 (0.6 for 60%), they total " + total);
    }

    /** {@code update}: the items replacing the content are given, and their field names are not blank. */
    public static void checkUpdate(String fileReadingId, FileReadingUpdateRequest body, RequestOptions options) {
        List<Map<String, Object>> items = body.getContent().getItems();
        String name = UPDATE + ".content.items";
        ClientValidationException.requireNonNull(name, items);
        for (int i = 0; i < items.size(); i++) {
            for (String key : items.get(i).keySet()) {
                ClientValidationException.require(key != null && !key.isBlank(), name + "[" + i + "]",
                        "field names must not be null or blank");
            }
        }
    }
}
