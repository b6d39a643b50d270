package com.docsdk.dcycle;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.dcycle.generated.model.CreateRecordsRequest;
import com.docsdk.dcycle.generated.model.FileReading;
import com.docsdk.dcycle.generated.model.FileReadingContent;
import com.docsdk.dcycle.generated.model.FileReadingListItem;
import com.docsdk.dcycle.generated.model.FileReadingPage;
import com.docsdk.dcycle.generated.model.FileReadingUpdateRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** File readings: list with filters, correct the content, create records from them. */
final class ReadingOperations {
    private final DcycleApi api;

    ReadingOperations(DcycleApi api) {
        this.api = api;
    }

    PagedIterable<FileReadingListItem> list(ReadingQuery query, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        Inputs.options(options);
        return Paginator.<FileReadingPage, FileReadingListItem>pageNumbers(FileReadingPage::getItems)
                .firstPage(1).pageSize(query.pageSize())
                .totalItems(p -> Optional.ofNullable(p.getTotal()))
                .totalPages(p -> Optional.ofNullable(p.getPages()))
                .build(page -> page(query, page, options).value());
    }

    SdkResponse<FileReadingPage> page(ReadingQuery query, int page, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        Inputs.page(page);
        Inputs.options(options);
        return api.json(() -> api.readings.listFileReadingsCall(query.fileIdsOrNull(), query.folderId().orElse(null),
                query.projectId().orElse(null), query.linked().orElse(null), query.name().orElse(null),
                query.categoriesOrNull(), page, query.pageSize(), null), options, FileReadingPage.class);
    }

    /**
     * The listed item of one file (direct fetch by {@code file_id}), with its reading when one exists. Empty when
     * Dcycle lists nothing for the file yet.
     */
    SdkResponse<Optional<FileReadingListItem>> ofFile(String fileId, RequestOptions options) {
        Inputs.id("fileId", fileId);
        SdkResponse<FileReadingPage> r = page(ReadingQuery.builder().fileIds(fileId).build(), 1, options);
        List<FileReadingListItem> items = r.value() == null || r.value().getItems() == null ? List.of()
                : r.value().getItems();
        return r.withValue(items.stream().filter(i -> i != null && fileId.equals(i.getId())).findFirst());
    }

    SdkResponse<FileReading> update(String fileReadingId, List<Map<String, Object>> items, RequestOptions options) {
        Inputs.id("fileReadingId", fileReadingId);
        ClientValidationException.requireNonNull("items", items);
        List<Map<String, Object>> copy = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = ClientValidationException.requireNonNull("items[" + i + "]", items.get(i));
            for (String key : item.keySet()) {
                ClientValidationException.require(key != null && !key.isBlank(), "items[" + i + "]",
                        "field names must not be null or blank");
            }
            copy.add(new LinkedHashMap<>(item));
        }
        Inputs.options(options);
        FileReadingUpdateRequest body = new FileReadingUpdateRequest().content(new FileReadingContent().items(copy));
        return api.json(() -> api.readings.updateFileReadingCall(fileReadingId, body, null), options,
                FileReading.class);
    }

    SdkResponse<Void> createRecords(CreateRecordsRequest body, RequestOptions options) {
        RecordsRequest.validate(body);
        Inputs.options(options);
        return api.noBody(() -> api.readings.createRecordsFromReadingCall(body, null), options);
    }
}
