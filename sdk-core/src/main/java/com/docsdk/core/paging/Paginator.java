package com.docsdk.core.paging;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link PagedIterable}s over the paging styles our vendors use (page numbers, cursors, and page numbers that
 * switch to cursors), with one rule for when a walk ends. After each page:
 * <ul>
 *   <li>an <b>empty page</b> ends the walk;</li>
 *   <li>a <b>next cursor</b> (non-blank) is followed; in cursor paging a blank or missing one ends the walk;</li>
 *   <li>otherwise what the server <b>announced</b> decides: the walk goes on when any announcement says there is more
 *       ({@code hasMore} true, a total number of items above the items read so far, a total number of pages above
 *       the pages read so far), even after a short page, and ends when the announcements say the end is reached;</li>
 *   <li>only when the response announces nothing does a <b>short page</b> (fewer items than the page size) end it.</li>
 * </ul>
 * Loop guards stay: a page number answered with the previous page's items, or a cursor the server returned before,
 * ends the walk (logged at WARN). What the server announced is available from {@link PagedIterable#totalItems()} and
 * {@link PagedIterable#totalPages()} once the first page is read.
 *
 * <pre>{@code
 * PagedIterable<FileRecord> all = Paginator.<FilePage, FileRecord>pageNumbers(FilePage::getItems)
 *         .firstPage(1).pageSize(100)
 *         .totalItems(p -> Optional.ofNullable(p.getTotal()))
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

    /**
     * Where the page to fetch is: by {@link #cursor()} when one is present (a cursor the server handed out), else by
     * {@link #page()} number.
     */
    public record Position(int page, Optional<String> cursor) {
        public Position {
            Objects.requireNonNull(cursor, "cursor");
        }

        @Override
        public String toString() {
            return "Position[page=" + page + ", cursor=" + Redactor.field("cursor", cursor) + ']'; // may be a next link
        }
    }

    /** What the server announced about the whole list, shared by a {@link PagedIterable} and its walks. */
    static final class Announced {
        private volatile Long totalItems;
        private volatile Integer totalPages;

        OptionalLong totalItems() {
            Long v = totalItems;
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }

        OptionalInt totalPages() {
            Integer v = totalPages;
            return v == null ? OptionalInt.empty() : OptionalInt.of(v);
        }

        void record(OptionalLong items, OptionalInt pages) {
            if (items.isPresent()) {
                totalItems = items.getAsLong();
            }
            if (pages.isPresent()) {
                totalPages = pages.getAsInt();
            }
        }
    }

    /** What a page announces about the pages after it; each reader returns empty when the response says nothing. */
    private static final class Signals<P> {
        Function<P, Optional<? extends Number>> totalItems = p -> Optional.empty();
        Function<P, Optional<? extends Number>> totalPages = p -> Optional.empty();
        Function<P, Optional<Boolean>> hasMore = p -> Optional.empty();

        Signals<P> copy() {
            Signals<P> s = new Signals<>();
            s.totalItems = totalItems;
            s.totalPages = totalPages;
            s.hasMore = hasMore;
            return s;
        }
    }

    /** Configures page-number paging. */
    public static final class PageNumbers<P, T> {
        private final Function<P, List<T>> items;
        private final Signals<P> signals = new Signals<>();
        private int firstPage = 1;
        private int pageSize;

        private PageNumbers(Function<P, List<T>> items) {
            this.items = items;
        }

        /** The number of the first page (1 for most APIs, 0 for some). */
        public PageNumbers<P, T> firstPage(int firstPage) {
            ClientValidationException.require(firstPage >= 0, "firstPage", "must not be negative");
            this.firstPage = firstPage;
            return this;
        }

        /**
         * The page size requested: when the response announces nothing, a page with fewer items is the last. 0
         * (default) when unknown: then only an empty page (or an announcement) ends the walk.
         */
        public PageNumbers<P, T> pageSize(int pageSize) {
            ClientValidationException.require(pageSize >= 0, "pageSize", "must not be negative");
            this.pageSize = pageSize;
            return this;
        }

        /** The total number of items over all pages, when the response announces it (negative values are ignored). */
        public PageNumbers<P, T> totalItems(Function<P, Optional<? extends Number>> totalItems) {
            signals.totalItems = Objects.requireNonNull(totalItems, "totalItems");
            return this;
        }

        /** The number of pages, when the response announces it (negative values are ignored). */
        public PageNumbers<P, T> totalPages(Function<P, Optional<? extends Number>> totalPages) {
            signals.totalPages = Objects.requireNonNull(totalPages, "totalPages");
            return this;
        }

        /** Whether more pages follow, when the response says. */
        public PageNumbers<P, T> hasMore(Function<P, Optional<Boolean>> hasMore) {
            signals.hasMore = Objects.requireNonNull(hasMore, "hasMore");
            return this;
        }

        /** The items of every page {@code fetch} returns for a page number. */
        public PagedIterable<T> build(IntFunction<P> fetch) {
            Objects.requireNonNull(fetch, "fetch");
            return walk(null, position -> fetch.apply(position.page()));
        }

        /**
         * Page numbers until a page names a next cursor, then cursors: {@code fetch} receives the page number, or the
         * cursor to send instead. Once a cursor was followed, a page without one is the last.
         */
        public PagedIterable<T> buildSwitchingToCursor(Function<P, Optional<String>> nextCursor,
                Function<Position, P> fetch) {
            Objects.requireNonNull(nextCursor, "nextCursor");
            Objects.requireNonNull(fetch, "fetch");
            return walk(nextCursor, fetch);
        }

        private PagedIterable<T> walk(Function<P, Optional<String>> nextCursor, Function<Position, P> fetch) {
            Function<P, List<T>> read = items;
            Signals<P> s = signals.copy();
            int first = firstPage;
            int size = pageSize;
            Announced announced = new Announced();
            return new PagedIterable<>(() -> new Walk<>(read, s, nextCursor, false, first, size, fetch, announced),
                    announced);
        }
    }

    /** Configures cursor paging. */
    public static final class Cursor<P, T> {
        private final Function<P, List<T>> items;
        private final Function<P, Optional<String>> nextCursor;
        private final Signals<P> signals = new Signals<>();

        private Cursor(Function<P, List<T>> items, Function<P, Optional<String>> nextCursor) {
            this.items = items;
            this.nextCursor = nextCursor;
        }

        /** The total number of items over all pages, when the response announces it (exposed, not needed to page). */
        public Cursor<P, T> totalItems(Function<P, Optional<? extends Number>> totalItems) {
            signals.totalItems = Objects.requireNonNull(totalItems, "totalItems");
            return this;
        }

        /** The items of every page {@code fetch} returns for a cursor (empty for the first page). */
        public PagedIterable<T> build(Function<Optional<String>, P> fetch) {
            Objects.requireNonNull(fetch, "fetch");
            Function<P, List<T>> read = items;
            Function<P, Optional<String>> next = nextCursor;
            Signals<P> s = signals.copy();
            Announced announced = new Announced();
            return new PagedIterable<>(() -> new Walk<>(read, s, next, true, 0, 0,
                    position -> fetch.apply(position.cursor()), announced), announced);
        }
    }

    /** One walk over the pages: fetches the next page when asked and decides, from that page, whether more follow. */
    private static final class Walk<P, T> extends PageIterator<T> {
        private final Function<P, List<T>> items;
        private final Signals<P> signals;
        private final Function<P, Optional<String>> nextCursor;
        private final boolean cursorOnly;
        private final int firstPage;
        private final int pageSize;
        private final Function<Position, P> fetch;
        private final Announced announced;

        private int page;
        private Optional<String> cursor = Optional.empty();
        private final Set<String> cursors = new HashSet<>();
        private List<T> previous;
        private long seen;

        Walk(Function<P, List<T>> items, Signals<P> signals, Function<P, Optional<String>> nextCursor,
                boolean cursorOnly, int firstPage, int pageSize, Function<Position, P> fetch, Announced announced) {
            this.items = items;
            this.signals = signals;
            this.nextCursor = nextCursor;
            this.cursorOnly = cursorOnly;
            this.firstPage = firstPage;
            this.pageSize = pageSize;
            this.fetch = fetch;
            this.announced = announced;
            this.page = firstPage;
        }

        @Override
        List<T> fetchNext() {
            int number = page++;
            boolean byCursor = cursor.isPresent();
            P response = fetch.apply(new Position(number, cursor));
            if (response == null) {
                return null;
            }
            List<T> list = items.apply(response);
            OptionalLong total = count(signals.totalItems.apply(response));
            OptionalInt pages = toInt(count(signals.totalPages.apply(response)));
            Optional<Boolean> more = Objects.requireNonNullElse(signals.hasMore.apply(response), Optional.empty());
            announced.record(total, pages);
            if (list == null || list.isEmpty()) {
                return null;
            }
            if (!byCursor && list.equals(previous)) {
                LOG.warn("page {} repeated the previous page's items: stopping", number);
                return null;
            }
            previous = list;
            seen += list.size();
            Optional<String> following = nextCursor == null ? Optional.empty()
                    : Objects.requireNonNullElse(nextCursor.apply(response), Optional.<String>empty())
                            .filter(c -> !c.isBlank());
            if (following.isPresent()) {
                if (!cursors.add(following.get())) {
                    LOG.warn("the server returned a cursor it returned before: stopping");
                    lastPage();
                }
                cursor = following;
            } else if (cursorOnly || byCursor) {
                lastPage();
            } else if (!continues(list.size(), number - firstPage + 1, total, pages, more)) {
                lastPage();
            }
            return Collections.unmodifiableList(new ArrayList<>(list));
        }

        /** Whether a page-number walk goes on after the {@code index}-th page, which held {@code size} items. */
        private boolean continues(int size, int index, OptionalLong total, OptionalInt pages, Optional<Boolean> more) {
            boolean announcedMore = more.orElse(false)
                    || (total.isPresent() && seen < total.getAsLong())
                    || (pages.isPresent() && index < pages.getAsInt());
            if (announcedMore) {
                return true;
            }
            boolean announcedEnd = more.isPresent() || total.isPresent() || pages.isPresent();
            if (announcedEnd) {
                return false;
            }
            return pageSize <= 0 || size >= pageSize;
        }

        private static OptionalLong count(Optional<? extends Number> value) {
            if (value == null || value.isEmpty() || value.get().longValue() < 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(value.get().longValue());
        }

        private static OptionalInt toInt(OptionalLong value) {
            return value.isPresent() ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, value.getAsLong()))
                    : OptionalInt.empty();
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
