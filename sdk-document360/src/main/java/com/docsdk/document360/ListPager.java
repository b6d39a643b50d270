package com.docsdk.document360;

import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.document360.generated.model.PaginationMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Lazy iteration over a Document360 v3 list. The first request asks for {@code page=1&page_size=N}. After each page:
 * <ol>
 *   <li>a {@code pagination.next_cursor} in the response is followed ({@code cursor=...&page_size=N}); once a cursor
 *       was used, its absence ends the list;</li>
 *   <li>else {@code pagination.has_more} decides: {@code true} asks for the next page number, {@code false} stops;</li>
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

    /** One fetched page and the token of the next, for the core's cursor paginator. */
    private record Step<T>(List<T> items, Optional<String> next) {
    }

    private ListPager() {
    }

    static <T> PagedIterable<T> iterate(int pageSize, PageFetcher<T> fetcher) {
        return Paginator.<Step<T>, T>cursor(Step::items, Step::next)
                .build(token -> step(token.map(PageToken::parse).orElse(PageToken.FIRST), pageSize, fetcher));
    }

    private static <T> Step<T> step(PageToken token, int pageSize, PageFetcher<T> fetcher) {
        if (token.cursor() != null) {
            Envelope<List<T>> e = fetcher.fetch(null, token.cursor(), pageSize);
            return new Step<>(items(e), nextCursor(e.pagination()).map(PageToken::cursorToken));
        }
        Envelope<List<T>> e = fetcher.fetch(token.page(), null, pageSize);
        List<T> items = items(e);
        if (token.page() > 1 && !items.isEmpty() && items.hashCode() == token.previousFingerprint()) {
            EnvelopeReader.LOG.warn("page {} repeated the previous page's items: stopping", token.page());
            return new Step<>(List.of(), Optional.empty());
        }
        Optional<String> cursor = nextCursor(e.pagination());
        if (cursor.isPresent()) {
            return new Step<>(items, cursor.map(PageToken::cursorToken));
        }
        Boolean hasMore = e.pagination() == null ? null : e.pagination().getHasMore();
        boolean more = hasMore != null ? hasMore : items.size() >= pageSize;
        return new Step<>(items, more ? Optional.of(PageToken.pageToken(token.page() + 1, items.hashCode()))
                : Optional.empty());
    }

    private static <T> List<T> items(Envelope<List<T>> e) {
        return e.data() == null ? List.of() : e.data();
    }

    private static Optional<String> nextCursor(PaginationMetadata p) {
        return Optional.ofNullable(p).map(PaginationMetadata::getNextCursor).filter(c -> !c.isBlank());
    }

    /**
     * Where the next page is, as the string the core paginator carries: {@code c:<cursor>} or
     * {@code p:<page>:<fingerprint of the previous page>}.
     */
    record PageToken(int page, int previousFingerprint, String cursor) {
        static final PageToken FIRST = new PageToken(1, 0, null);

        static String cursorToken(String cursor) {
            return "c:" + cursor;
        }

        static String pageToken(int page, int previousFingerprint) {
            return "p:" + page + ":" + previousFingerprint;
        }

        static PageToken parse(String token) {
            if (token.startsWith("c:")) {
                return new PageToken(0, 0, token.substring(2));
            }
            String[] parts = token.split(":", 3);
            return new PageToken(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), null);
        }
    }
}
