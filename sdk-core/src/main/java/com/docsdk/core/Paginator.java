package com.docsdk.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link PagedIterable}s over the two paging styles our vendors use. Paging stops on an empty page, a short
 * page, the last page the server announced, or a missing cursor, and never loops on a server that repeats a page
 * or a cursor (logged at WARN).
 *
 * <pre>{@code
 * PagedIterable<FileRecord> all = Paginator.<FilePage, FileRecord>pageNumbers(FilePage::getItems)
 *         .firstPage(1).pageSize(100)
 *         .totalPages(p -> Optional.ofNullable(p.getPages()))
 *         .build(page -> api.listFiles(page, 100));
 *
 * PagedIterable<Article> articles = Paginator.<ArticlePage, Article>cursor(ArticlePage::getData,
 *         p -> Optional.ofNullable(p.getNextCursor()))
 *         .build(cursor -> api.listArticles(cursor.orElse(null), 50));
 * }</pre>
 */
public final class Paginator {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.paging");

    private Paginator() {
    }

    /** Page-number paging: page {@code firstPage}, then +1, each page's items read by {@code items}. */
    public static <P, T> PageNumbers<P, T> pageNumbers(Function<P, List<T>> items) {
        return new PageNumbers<>(Objects.requireNonNull(items, "items"));
    }

    /** Cursor paging: the first page without a cursor, then each page's {@code nextCursor}. */
    public static <P, T> Cursor<P, T> cursor(Function<P, List<T>> items, Function<P, Optional<String>> nextCursor) {
        return new Cursor<>(Objects.requireNonNull(items, "items"), Objects.requireNonNull(nextCursor, "nextCursor"));
    }

    private static <T> List<T> itemsOf(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** Configures page-number paging. */
    public static final class PageNumbers<P, T> {
        private final Function<P, List<T>> items;
        private int firstPage = 1;
        private int pageSize;
        private Function<P, Optional<Integer>> totalPages = p -> Optional.empty();

        private PageNumbers(Function<P, List<T>> items) {
            this.items = items;
        }

        /** The number of the first page (1 for most APIs, 0 for some). */
        public PageNumbers<P, T> firstPage(int firstPage) {
            ClientValidationException.require(firstPage >= 0, "firstPage", "must not be negative");
            this.firstPage = firstPage;
            return this;
        }

        /** The page size requested: a page with fewer items is the last. 0 (default) when unknown. */
        public PageNumbers<P, T> pageSize(int pageSize) {
            ClientValidationException.require(pageSize >= 0, "pageSize", "must not be negative");
            this.pageSize = pageSize;
            return this;
        }

        /** The number of pages the server announces, if it does. */
        public PageNumbers<P, T> totalPages(Function<P, Optional<Integer>> totalPages) {
            this.totalPages = Objects.requireNonNull(totalPages, "totalPages");
            return this;
        }

        /** The items of every page {@code fetch} returns for a page number. */
        public PagedIterable<T> build(IntFunction<P> fetch) {
            Objects.requireNonNull(fetch, "fetch");
            int first = firstPage;
            int size = pageSize;
            Function<P, Optional<Integer>> total = totalPages;
            return new PagedIterable<>(() -> new PageIterator<T>() {
                private int next = first;
                private List<T> previous;

                @Override
                List<T> fetchNext() {
                    P page = fetch.apply(next);
                    List<T> list = page == null ? List.of() : itemsOf(items.apply(page));
                    int number = next++;
                    if (list.isEmpty()) {
                        return null;
                    }
                    if (list.equals(previous)) {
                        LOG.warn("page {} repeated the previous page's items: stopping", number);
                        return null;
                    }
                    OptionalInt pages = total.apply(page).map(OptionalInt::of).orElse(OptionalInt.empty());
                    if ((size > 0 && list.size() < size)
                            || (pages.isPresent() && number - first + 1 >= pages.getAsInt())) {
                        lastPage();
                    }
                    previous = list;
                    return list;
                }
            });
        }
    }

    /** Configures cursor paging. */
    public static final class Cursor<P, T> {
        private final Function<P, List<T>> items;
        private final Function<P, Optional<String>> nextCursor;

        private Cursor(Function<P, List<T>> items, Function<P, Optional<String>> nextCursor) {
            this.items = items;
            this.nextCursor = nextCursor;
        }

        /** The items of every page {@code fetch} returns for a cursor (empty for the first page). */
        public PagedIterable<T> build(Function<Optional<String>, P> fetch) {
            Objects.requireNonNull(fetch, "fetch");
            return new PagedIterable<>(() -> new PageIterator<T>() {
                private Optional<String> cursor = Optional.empty();
                private final Set<String> seen = new HashSet<>();

                @Override
                List<T> fetchNext() {
                    P page = fetch.apply(cursor);
                    List<T> list = page == null ? List.of() : itemsOf(items.apply(page));
                    Optional<String> following = page == null ? Optional.empty()
                            : nextCursor.apply(page).filter(c -> !c.isBlank());
                    if (following.isEmpty()) {
                        lastPage();
                    } else if (!seen.add(following.get())) {
                        LOG.warn("the server returned a cursor it returned before: stopping");
                        lastPage();
                    }
                    cursor = following;
                    return list.isEmpty() ? null : new ArrayList<>(list);
                }
            });
        }
    }

    /** Iterates pages fetched one at a time; a subclass fetches the next page, or returns null when there is none. */
    private abstract static class PageIterator<T> implements Iterator<List<T>> {
        private boolean done;
        private List<T> ready;

        /** The next page's items, or null when paging is over. */
        abstract List<T> fetchNext();

        /** Marks the page being fetched as the last one. */
        final void lastPage() {
            done = true;
        }

        @Override
        public final boolean hasNext() {
            if (ready != null) {
                return true;
            }
            if (done) {
                return false;
            }
            List<T> page = fetchNext();
            if (page == null) {
                done = true;
                return false;
            }
            ready = page;
            return true;
        }

        @Override
        public final List<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<T> page = ready;
            ready = null;
            return page;
        }
    }
}
