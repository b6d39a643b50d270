package com.docsdk.document360;

import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.document360.generated.model.PaginationMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Lazy iteration over a Document360 v3 list, as {@code x-docsdk-paging} in openapi/document360.yaml describes it. The
 * first request asks for {@code page=1&page_size=N}; after each page, by the core's rule ({@link Paginator}):
 * <ol>
 *   <li>a {@code pagination.next_cursor} in the response is followed ({@code cursor=...&page_size=N}); once a cursor
 *       was used, its absence ends the list;</li>
 *   <li>else {@code pagination.has_more} and {@code pagination.total_count} (items over all pages, sent only with
 *       {@code include_total_count=true}) decide: more is announced when {@code has_more} is true or fewer items than
 *       {@code total_count} were read, and then the next page number is asked for even after a short page;</li>
 *   <li>else (no metadata) a full page asks for the next page number and a short page ends the list.</li>
 * </ol>
 * An empty page ends the list; so does a repeated cursor or a page number answered with the previous page's items
 * (a server ignoring {@code page}), logged at WARN.
 */
final class ListPager {
    /** Fetches one page: by number (cursor null) or by cursor (page null). */
    @FunctionalInterface
    interface PageFetcher<T> {
        Envelope<List<T>> fetch(Integer page, String cursor, int pageSize);
    }

    private ListPager() {
    }

    static <T> PagedIterable<T> iterate(int pageSize, PageFetcher<T> fetcher) {
        return Paginator.<Envelope<List<T>>, T>pageNumbers(e -> e.data() == null ? List.of() : e.data())
                .firstPage(1).pageSize(pageSize)
                .hasMore(e -> pagination(e).map(PaginationMetadata::getHasMore))
                .totalItems(e -> pagination(e).map(PaginationMetadata::getTotalCount))
                .buildSwitchingToCursor(e -> pagination(e).map(PaginationMetadata::getNextCursor),
                        at -> at.cursor().isPresent() ? fetcher.fetch(null, at.cursor().get(), pageSize)
                                : fetcher.fetch(at.page(), null, pageSize));
    }

    private static Optional<PaginationMetadata> pagination(Envelope<?> e) {
        return Optional.ofNullable(e.pagination());
    }
}
