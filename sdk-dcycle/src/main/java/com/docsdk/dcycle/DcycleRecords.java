package com.docsdk.dcycle;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.dcycle.model.CreateRecordsRequest;
import com.docsdk.dcycle.model.Facility;
import com.docsdk.dcycle.model.FacilityAllocation;
import com.docsdk.dcycle.model.FileReadingReference;
import com.docsdk.dcycle.model.Invoice;
import com.docsdk.dcycle.model.Waste;
import com.docsdk.dcycle.service.DcycleServices;
import com.docsdk.dcycle.service.FacilitiesService;
import com.docsdk.dcycle.service.InvoicesService;
import com.docsdk.dcycle.service.WastesService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creating the records (invoices or wastes) of a file's reading, naming the facilities by id or by name, and reading
 * back what is linked to the file afterwards. Get one from {@link DcycleClient#records()}.
 *
 * <pre>{@code
 * FileReadingListItem item = dcycle.awaitReading(fileId);
 * RecordsResult done = dcycle.records().createRecords(RecordsRequest.forReading(item)
 *         .facility(FacilityShare.byName("Madrid Office", 0.6))
 *         .facility(FacilityShare.byId(lisbonId, 0.4))
 *         .build());
 * done.invoices().forEach(i -> System.out.println(i.getId() + " " + i.getQuantity()));
 * }</pre>
 *
 * <p>Requests, in order: one {@code GET /v1/facilities?name=...} per distinct name (the exact name, ignoring case,
 * must match one facility), the {@code POST /v1/files/readings} (never repeated after an I/O failure or a 5xx; its
 * shares checked by {@code ReadingRules}), then the read-back: {@code GET /v1/wastes?facility_id=...&file_id[]=...}
 * per facility for a {@code wastes} reading, {@code GET /v1/invoices?facility_id[]=...} (kept: the items whose
 * {@code file_id} is the file's) for other categories, both when the category is not known. Thread-safe.
 */
public final class DcycleRecords {
    private final DcycleServices api;

    DcycleRecords(DcycleServices api) {
        this.api = api;
    }

    /** As {@link #createRecords(RecordsRequest, RequestOptions)} with no per-call options. */
    public RecordsResult createRecords(RecordsRequest request) {
        return createRecords(request, RequestOptions.none());
    }

    /**
     * Resolves the facilities, creates the records and lists those linked to the file.
     *
     * @throws FacilityNotFoundException when a name matches no facility, or several (nothing is created then)
     */
    public RecordsResult createRecords(RecordsRequest request, RequestOptions options) {
        ClientValidationException.requireNonNull("request", request);
        ClientValidationException.requireNonNull("options", options);
        List<String> ids = resolve(request.facilities(), options);
        CreateRecordsRequest body = new CreateRecordsRequest()
                .addFileReadingsItem(new FileReadingReference().id(request.fileReadingId()));
        for (int i = 0; i < ids.size(); i++) {
            body.addFacilitiesItem(new FacilityAllocation().id(ids.get(i))
                    .percentage(request.facilities().get(i).share()));
        }
        request.projectId().ifPresent(body::projectId);
        request.supplierId().ifPresent(body::supplierId);
        api.fileReadings().createRecords(body, options);

        String category = request.category().map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
        boolean wastes = category == null || category.equals("wastes");
        boolean invoices = category == null || !category.equals("wastes");
        List<String> distinct = ids.stream().distinct().toList();
        return new RecordsResult(ids, invoices ? invoicesOf(request.fileId(), distinct, options) : List.of(),
                wastes ? wastesOf(request.fileId(), distinct, options) : List.of());
    }

    /** The facility ids, in order: ids as given, names looked up once each. */
    private List<String> resolve(List<FacilityShare> facilities, RequestOptions options) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (FacilityShare f : facilities) {
            if (f.id().isPresent()) {
                ids.add(f.id().get());
                continue;
            }
            String name = f.name().orElseThrow();
            ids.add(byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> lookUp(name, options)));
        }
        return ids;
    }

    private String lookUp(String name, RequestOptions options) {
        List<Facility> matches = new ArrayList<>();
        for (Facility f : api.facilities().list(FacilitiesService.ListParams.builder().name(name).size(100).build(),
                options)) {
            if (f.getName() != null && f.getName().strip().equalsIgnoreCase(name) && f.getId() != null) {
                matches.add(f);
            }
        }
        if (matches.size() != 1) {
            throw new FacilityNotFoundException(name, matches.isEmpty()
                    ? "No Dcycle facility is named '" + name + "' (exact name, ignoring case)"
                    : matches.size() + " Dcycle facilities are named '" + name + "': name it by id instead ("
                            + matches.stream().map(Facility::getId).toList() + ")");
        }
        return matches.get(0).getId();
    }

    private List<Invoice> invoicesOf(String fileId, List<String> facilityIds, RequestOptions options) {
        List<Invoice> linked = new ArrayList<>();
        for (Invoice i : api.invoices().list(InvoicesService.ListParams.builder().facilityId(facilityIds).size(100)
                .build(), options)) {
            if (fileId.equals(i.getFileId())) {
                linked.add(i);
            }
        }
        return linked;
    }

    private List<Waste> wastesOf(String fileId, List<String> facilityIds, RequestOptions options) {
        List<Waste> linked = new ArrayList<>();
        for (String facilityId : facilityIds) {
            for (Waste w : api.wastes().list(facilityId, WastesService.ListParams.builder().fileId(List.of(fileId))
                    .size(100).build(), options)) {
                linked.add(w);
            }
        }
        return linked;
    }
}
