package com.docsdk.core.service;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.paging.Paginator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The paging of generated list operations, as their spec declares it ({@code x-docsdk-paging}): page numbers or
 * cursors, the items of a page, and the fields that announce more pages. Each signal may be {@code null} when the
 * API has none.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * Page-number paging from {@code firstPage}.
     *
     * @param pageSize the page size asked for, 0 when unknown
     * @param total the total number of items the server announces
     * @param totalPages the number of pages the server announces
     * @param hasMore whether the server says more pages follow
     */
    public static <P, T> PagedIterable<T> pageNumbers(int firstPage, int pageSize, IntFunction<P> fetch,
            Function<P, List<T>> items, Function<P, ? extends Number> total,
            Function<P, ? extends Number> totalPages, Function<P, Boolean> hasMore) {
        return numbered(firstPage, pageSize, items, total, totalPages, hasMore).build(fetch);
    }

    /**
     * Page numbers from {@code firstPage} until a page names a next cursor, then that cursor instead of a number
     * ({@link Paginator.PageNumbers#buildSwitchingToCursor}); once a cursor was followed, a page without one is the
     * last.
     *
     * @param fetch fetches the page at a position: by its cursor when present, else by its number
     * @param nextCursor the cursor of the next page; blank or {@code null} when the page names none
     */
    public static <P, T> PagedIterable<T> pageNumbersThenCursor(int firstPage, int pageSize,
            Function<Paginator.Position, P> fetch, Function<P, List<T>> items, Function<P, ? extends Number> total,
            Function<P, ? extends Number> totalPages, Function<P, Boolean> hasMore, Function<P, String> nextCursor) {
        return numbered(firstPage, pageSize, items, total, totalPages, hasMore)
                .buildSwitchingToCursor(p -> Optional.ofNullable(nextCursor.apply(p)), fetch);
    }

    private static <P, T> Paginator.PageNumbers<P, T> numbered(int firstPage, int pageSize,
            Function<P, List<T>> items, Function<P, ? extends Number> total,
            Function<P, ? extends Number> totalPages, Function<P, Boolean> hasMore) {
        Paginator.PageNumbers<P, T> paging = Paginator.<P, T>pageNumbers(items).firstPage(firstPage)
                .pageSize(Math.max(pageSize, 0));
        if (total != null) {
            paging.totalItems(p -> Optional.ofNullable(total.apply(p)));
        }
        if (totalPages != null) {
            paging.totalPages(p -> Optional.ofNullable(totalPages.apply(p)));
        }
        if (hasMore != null) {
            paging.hasMore(p -> Optional.ofNullable(hasMore.apply(p)));
        }
        return paging;
    }

    /**
     * Cursor paging, from {@code firstCursor} ({@code null}: the first page).
     *
     * @param nextCursor the cursor of the next page; blank or {@code null} ends the walk
     */
    public static <P, T> PagedIterable<T> cursor(String firstCursor, int pageSize, Function<String, P> fetch,
            Function<P, List<T>> items, Function<P, String> nextCursor, Function<P, Boolean> hasMore,
            Function<P, ? extends Number> total) {
        Paginator.Cursor<P, T> paging = Paginator.<P, T>cursor(items, p -> {
            String next = nextCursor.apply(p);
            boolean more = hasMore == null || !Boolean.FALSE.equals(hasMore.apply(p));
            return more ? Optional.ofNullable(next) : Optional.empty();
        });
        if (total != null) {
            paging.totalItems(p -> Optional.ofNullable(total.apply(p)));
        }
        return paging.build(cursor -> fetch.apply(cursor.orElse(firstCursor)));
    }
}
