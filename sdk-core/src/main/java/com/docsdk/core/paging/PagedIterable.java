package com.docsdk.core.paging;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list, fetched lazily: the next page is requested only when iteration reaches it, so stopping
 * early (a {@code break}, {@code Stream.limit}, {@code findFirst}) fetches no further pages. Each {@code iterator()}
 * (or {@code stream()}) starts again from the first page.
 *
 * <pre>{@code
 * for (File f : client.listFiles(query)) { ... }                       // every page
 * client.listFiles(query).stream().filter(...).limit(10).toList();     // only the pages needed
 * client.listFiles(query).byPage().forEach(page -> ...);               // page by page
 *
 * PagedIterable<File> files = client.listFiles(query);
 * Iterator<File> it = files.iterator();
 * if (it.hasNext()) {                                                  // the first page is read
 *     files.totalItems().ifPresent(n -> System.out.println(n + " files to go through"));
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Supplier<Iterator<List<T>>> pages;
    private final Paginator.Announced announced;

    PagedIterable(Supplier<Iterator<List<T>>> pages, Paginator.Announced announced) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.announced = Objects.requireNonNull(announced, "announced");
    }

    /**
     * The total number of items over all pages as the server announced it on the latest page read (by any iteration
     * of this iterable). Empty before the first page is read, or when the server announces no total.
     */
    public OptionalLong totalItems() {
        return announced.totalItems();
    }

    /**
     * The number of pages as the server announced it on the latest page read (by any iteration of this iterable).
     * Empty before the first page is read, or when the server announces no page count.
     */
    public OptionalInt totalPages() {
        return announced.totalPages();
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<List<T>> pageIterator = pages.get();
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pageIterator.hasNext()) {
                        return false;
                    }
                    current = pageIterator.next().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The pages' item lists, lazily. */
    public Iterable<List<T>> byPage() {
        return pages::get;
    }

    /**
     * The same list with every item converted by {@code mapper}, as lazily (a page is fetched, then converted, when
     * iteration reaches it); {@link #totalItems()} and {@link #totalPages()} are this list's.
     *
     * <pre>{@code
     * PagedIterable<String> names = client.projects().list().map(Project::getName);
     * }</pre>
     */
    public <R> PagedIterable<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new PagedIterable<>(() -> {
            Iterator<List<T>> source = pages.get();
            return new Iterator<List<R>>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public List<R> next() {
                    return source.next().stream().<R>map(mapper).toList();
                }
            };
        }, announced);
    }

    /**
     * A list whose source is chosen only when an iteration starts: {@code source} is called by every
     * {@code iterator()} (or {@code stream()}), never before, so that choosing it may send a request (e.g. finding out
     * which API the server speaks). The totals are those of the source the latest iteration read.
     *
     * <pre>{@code
     * PagedIterable<Item> items = PagedIterable.defer(() -> legacy() ? oldApi.list() : newApi.list());
     * }</pre>
     */
    public static <T> PagedIterable<T> defer(Supplier<PagedIterable<T>> source) {
        Objects.requireNonNull(source, "source");
        Paginator.Announced announced = new Paginator.Announced();
        return new PagedIterable<>(() -> {
            PagedIterable<T> chosen = Objects.requireNonNull(source.get(), "source.get()");
            Iterator<List<T>> chosenPages = chosen.pages.get();
            return new Iterator<List<T>>() {
                @Override
                public boolean hasNext() {
                    boolean more = chosenPages.hasNext();
                    announced.record(chosen.totalItems(), chosen.totalPages());
                    return more;
                }

                @Override
                public List<T> next() {
                    return chosenPages.next();
                }
            };
        }, announced);
    }
}
