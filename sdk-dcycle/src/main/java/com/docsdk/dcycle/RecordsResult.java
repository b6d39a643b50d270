package com.docsdk.dcycle;

import com.docsdk.core.Redactor;
import com.docsdk.dcycle.model.Invoice;
import com.docsdk.dcycle.model.Waste;
import java.util.List;

/**
 * What {@link DcycleRecords#createRecords} did: the facility ids the records were linked to (names resolved), and
 * the invoices and waste records linked to the file afterwards.
 *
 * @param facilityIds the facilities, in the request's order, by id
 * @param invoices the invoices whose {@code file_id} is the file's (empty for a {@code wastes} reading)
 * @param wastes the waste records of those facilities linked to the file (empty for other categories)
 */
public record RecordsResult(List<String> facilityIds, List<Invoice> invoices, List<Waste> wastes) {
    /** Immutable copies. */
    public RecordsResult {
        facilityIds = List.copyOf(facilityIds);
        invoices = List.copyOf(invoices);
        wastes = List.copyOf(wastes);
    }

    /** The facility ids (redacted where they look like secrets) and how many invoices and wastes. */
    @Override
    public String toString() {
        return "RecordsResult{facilityIds=" + facilityIds.stream().map(id -> Redactor.field("facilityId", id)).toList()
                + ", invoices=" + invoices.size() + ", wastes=" + wastes.size() + '}';
    }
}
