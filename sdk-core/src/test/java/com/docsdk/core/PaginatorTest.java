package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.paging.Paginator;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginatorTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    record Page(List<String> items, Integer pages, String nextCursor, Long total, Boolean hasMore) {
    }

    private final Transport transport = Transport.builder(SdkModule.CORE).baseUrl(wm.baseUrl())
            .credentials(Credentials.none()).build();

    @AfterEach
    void close() {
        transport.close();
    }

    private Page fetch(String path, String param, String value) {
        HttpUrl.Builder url = HttpUrl.get(wm.baseUrl() + path).newBuilder();
        if (value != null) {
            url.addQueryParameter(param, value);
        }
        return transport.execute(new Request.Builder().url(url.build()).build(), RequestOptions.none(),
                ResponseReader.json(new Gson(), Page.class)).value();
    }

    private void page(String path, String param, String value, String body) {
        var mapping = get(urlPathEqualTo(path));
        mapping = value == null ? mapping.withQueryParam(param, com.github.tomakehurst.wiremock.client.WireMock.absent())
                : mapping.withQueryParam(param, equalTo(value));
        wm.stubFor(mapping.willReturn(okJson(body)));
    }

    private PagedIterable<String> files() {
        return Paginator.<Page, String>pageNumbers(Page::items).firstPage(1).pageSize(2)
                .build(n -> fetch("/files", "page", String.valueOf(n)));
    }

    @Test
    void walksThreePagesAndStopsOnTheShortOne() {
        page("/files", "page", "1", "{\"items\":[\"a\",\"b\"]}");
        page("/files", "page", "2", "{\"items\":[\"c\",\"d\"]}");
        page("/files", "page", "3", "{\"items\":[\"e\"]}");
        List<String> all = new ArrayList<>();
        files().forEach(all::add);
        assertEquals(List.of("a", "b", "c", "d", "e"), all);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/files")));
    }

    @Test
    void stoppingEarlyDoesNotFetchTheRest() {
        page("/files", "page", "1", "{\"items\":[\"a\",\"b\"]}");
        page("/files", "page", "2", "{\"items\":[\"c\",\"d\"]}");
        page("/files", "page", "3", "{\"items\":[\"e\"]}");
        assertEquals(List.of("a", "b", "c"), files().stream().limit(3).toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/files")));
        PagedIterable<String> lazy = files();
        wm.verify(2, getRequestedFor(urlPathEqualTo("/files"))); // building fetches nothing
        assertEquals("a", lazy.iterator().next());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/files")));
    }

    @Test
    void stopsAtTheAnnouncedLastPageAndOnAnEmptyPage() {
        page("/p", "page", "1", "{\"items\":[\"a\",\"b\"],\"pages\":2}");
        page("/p", "page", "2", "{\"items\":[\"c\",\"d\"],\"pages\":2}");
        PagedIterable<String> announced = Paginator.<Page, String>pageNumbers(Page::items)
                .totalPages(p -> Optional.ofNullable(p.pages())).build(n -> fetch("/p", "page", String.valueOf(n)));
        assertEquals(List.of("a", "b", "c", "d"), announced.stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/p")));

        page("/q", "page", "1", "{\"items\":[\"a\"]}");
        page("/q", "page", "2", "{\"items\":[]}");
        PagedIterable<String> unknownSize = Paginator.<Page, String>pageNumbers(Page::items)
                .build(n -> fetch("/q", "page", String.valueOf(n)));
        assertEquals(List.of("a"), unknownSize.stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/q")));
    }

    @Test
    void aServerThatRepeatsAPageDoesNotLoopForever() {
        wm.stubFor(get(urlPathEqualTo("/repeat")).willReturn(okJson("{\"items\":[\"a\",\"b\"]}")));
        PagedIterable<String> items = Paginator.<Page, String>pageNumbers(Page::items)
                .build(n -> fetch("/repeat", "page", String.valueOf(n)));
        assertEquals(List.of("a", "b"), items.stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/repeat")));
    }

    @Test
    void cursorPagingFollowsNextCursorUntilItIsMissing() {
        page("/articles", "cursor", null, "{\"items\":[\"a\"],\"nextCursor\":\"c2\"}");
        page("/articles", "cursor", "c2", "{\"items\":[\"b\"],\"nextCursor\":\"c3\"}");
        page("/articles", "cursor", "c3", "{\"items\":[\"c\"]}");
        PagedIterable<String> items = Paginator.<Page, String>cursor(Page::items,
                p -> Optional.ofNullable(p.nextCursor())).build(c -> fetch("/articles", "cursor", c.orElse(null)));
        assertEquals(List.of("a", "b", "c"), items.stream().toList());
        List<List<String>> pages = new ArrayList<>();
        items.byPage().forEach(pages::add);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), pages);
        wm.verify(6, getRequestedFor(urlPathEqualTo("/articles")));
    }

    @Test
    void aRepeatedCursorStopsPaging() {
        page("/loop", "cursor", null, "{\"items\":[\"a\"],\"nextCursor\":\"c2\"}");
        page("/loop", "cursor", "c2", "{\"items\":[\"b\"],\"nextCursor\":\"c2\"}");
        PagedIterable<String> items = Paginator.<Page, String>cursor(Page::items,
                p -> Optional.ofNullable(p.nextCursor())).build(c -> fetch("/loop", "cursor", c.orElse(null)));
        assertEquals(List.of("a", "b"), items.stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/loop")));
    }

    // ------------------------------------------------------------ what the server announces decides

    private PagedIterable<String> announced(String path, int pageSize) {
        return Paginator.<Page, String>pageNumbers(Page::items).firstPage(1).pageSize(pageSize)
                .totalItems(p -> Optional.ofNullable(p.total()))
                .totalPages(p -> Optional.ofNullable(p.pages()))
                .hasMore(p -> Optional.ofNullable(p.hasMore()))
                .build(n -> fetch(path, "page", String.valueOf(n)));
    }

    @Test
    void aShortPageWithATotalAboveTheItemsReadGoesOn() {
        page("/total", "page", "1", "{\"items\":[\"a\",\"b\"],\"total\":3}");
        page("/total", "page", "2", "{\"items\":[\"c\"],\"total\":3}");
        PagedIterable<String> items = announced("/total", 100);
        assertEquals(OptionalLong.empty(), items.totalItems(), "nothing is announced before the first page");
        Iterator<String> it = items.iterator();
        assertEquals("a", it.next());
        assertEquals(OptionalLong.of(3), items.totalItems());
        assertEquals(List.of("a", "b", "c"), items.stream().toList());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/total"))); // page 1 by the first iterator, then both pages
    }

    @Test
    void aReachedTotalEndsTheWalkEvenOnAFullPage() {
        page("/reached", "page", "1", "{\"items\":[\"a\",\"b\"],\"total\":4}");
        page("/reached", "page", "2", "{\"items\":[\"c\",\"d\"],\"total\":4}");
        page("/reached", "page", "3", "{\"items\":[\"e\"],\"total\":4}");
        assertEquals(List.of("a", "b", "c", "d"), announced("/reached", 2).stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/reached")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/reached")).withQueryParam("page", equalTo("3")));
    }

    @Test
    void aShortPageBeforeTheAnnouncedLastPageGoesOn() {
        page("/pages", "page", "1", "{\"items\":[\"a\"],\"pages\":2}");
        page("/pages", "page", "2", "{\"items\":[\"b\"],\"pages\":2}");
        page("/pages", "page", "3", "{\"items\":[\"c\"],\"pages\":2}");
        PagedIterable<String> items = announced("/pages", 50);
        assertEquals(List.of("a", "b"), items.stream().toList());
        assertEquals(OptionalInt.of(2), items.totalPages());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/pages")));
    }

    @Test
    void hasMoreDecidesOverThePageSize() {
        page("/more", "page", "1", "{\"items\":[\"a\"],\"hasMore\":true}");
        page("/more", "page", "2", "{\"items\":[\"b\",\"c\"],\"hasMore\":false}");
        page("/more", "page", "3", "{\"items\":[\"d\"]}");
        assertEquals(List.of("a", "b", "c"), announced("/more", 2).stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/more")));
    }

    @Test
    void anyAnnouncementOfMoreWinsOverOneOfTheEnd() {
        page("/mixed", "page", "1", "{\"items\":[\"a\"],\"hasMore\":false,\"total\":2}");
        page("/mixed", "page", "2", "{\"items\":[\"b\"],\"hasMore\":false,\"total\":2}");
        assertEquals(List.of("a", "b"), announced("/mixed", 10).stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/mixed")));
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverTheTotalSays() {
        page("/gone", "page", "1", "{\"items\":[\"a\"],\"total\":5,\"hasMore\":true}");
        page("/gone", "page", "2", "{\"items\":[],\"total\":5,\"hasMore\":true}");
        assertEquals(List.of("a"), announced("/gone", 10).stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/gone")));
    }

    @Test
    void aRepeatedPageEndsTheWalkEvenWhenMoreIsAnnounced() {
        wm.stubFor(get(urlPathEqualTo("/stuck")).willReturn(okJson("{\"items\":[\"a\"],\"total\":9}")));
        assertEquals(List.of("a"), announced("/stuck", 10).stream().toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/stuck")));
    }

    @Test
    void withoutAnyAnnouncementAShortPageIsTheLast() {
        page("/plain", "page", "1", "{\"items\":[\"a\",\"b\"]}");
        page("/plain", "page", "2", "{\"items\":[\"c\"]}");
        page("/plain", "page", "3", "{\"items\":[\"d\"]}");
        PagedIterable<String> items = announced("/plain", 2);
        assertEquals(List.of("a", "b", "c"), items.stream().toList());
        assertEquals(OptionalLong.empty(), items.totalItems());
        assertEquals(OptionalInt.empty(), items.totalPages());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/plain")));
    }

    @Test
    void aBlankCursorEndsCursorPagingAndTheTotalIsExposed() {
        page("/blank", "cursor", null, "{\"items\":[\"a\"],\"nextCursor\":\"c2\",\"total\":3}");
        page("/blank", "cursor", "c2", "{\"items\":[\"b\"],\"nextCursor\":\"  \",\"total\":3}");
        PagedIterable<String> items = Paginator.<Page, String>cursor(Page::items,
                        p -> Optional.ofNullable(p.nextCursor()))
                .totalItems(p -> Optional.ofNullable(p.total()))
                .build(c -> fetch("/blank", "cursor", c.orElse(null)));
        assertEquals(List.of("a", "b"), items.stream().toList());
        assertEquals(OptionalLong.of(3), items.totalItems());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/blank")));
    }

    private Page fetchAt(String path, Paginator.Position at) {
        return at.cursor().isPresent() ? fetch(path, "cursor", at.cursor().get())
                : fetch(path, "page", String.valueOf(at.page()));
    }

    @Test
    void pageNumbersSwitchToTheCursorTheServerHandsOut() {
        page("/switch", "page", "1", "{\"items\":[\"a\"],\"hasMore\":true}");
        page("/switch", "page", "2", "{\"items\":[\"b\"],\"nextCursor\":\"k3\"}");
        page("/switch", "cursor", "k3", "{\"items\":[\"c\"],\"hasMore\":true}");
        PagedIterable<String> items = Paginator.<Page, String>pageNumbers(Page::items).pageSize(10)
                .hasMore(p -> Optional.ofNullable(p.hasMore()))
                .buildSwitchingToCursor(p -> Optional.ofNullable(p.nextCursor()), at -> fetchAt("/switch", at));
        assertEquals(List.of("a", "b", "c"), items.stream().toList());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/switch")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/switch")).withQueryParam("cursor", equalTo("k3")));
        assertTrue(wm.findAll(getRequestedFor(urlPathEqualTo("/switch"))
                .withQueryParam("page", equalTo("3"))).isEmpty(), "without a cursor the cursor walk ends");
    }

    @Test
    void aMappedListIsAsLazyAsItsSourceAndKeepsItsTotals() {
        page("/mapped", "page", "1", "{\"items\":[\"a\",\"b\"],\"total\":3}");
        page("/mapped", "page", "2", "{\"items\":[\"c\"],\"total\":3}");
        PagedIterable<Integer> lengths = Paginator.<Page, String>pageNumbers(Page::items).pageSize(2)
                .totalItems(p -> Optional.ofNullable(p.total()))
                .build(n -> fetch("/mapped", "page", String.valueOf(n))).map(s -> s.length() + 10);

        assertEquals(0, wm.getAllServeEvents().size(), "nothing is fetched before iteration");
        assertEquals(11, lengths.iterator().next());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/mapped")));
        assertEquals(List.of(List.of(11, 11), List.of(11)), toList(lengths.byPage()));
        assertEquals(OptionalLong.of(3), lengths.totalItems());
    }

    @Test
    void aDeferredListChoosesItsSourceWhenEachIterationStarts() {
        page("/first", "page", "1", "{\"items\":[\"a\"],\"total\":1}");
        page("/second", "page", "1", "{\"items\":[\"x\",\"y\"],\"total\":2}");
        List<String> chosen = new ArrayList<>();
        PagedIterable<String> items = PagedIterable.defer(() -> {
            String path = chosen.isEmpty() ? "/first" : "/second";
            chosen.add(path);
            return Paginator.<Page, String>pageNumbers(Page::items).pageSize(10)
                    .totalItems(p -> Optional.ofNullable(p.total()))
                    .build(n -> fetch(path, "page", String.valueOf(n)));
        });

        assertTrue(chosen.isEmpty(), "no source is chosen before iteration");
        assertEquals(List.of("a"), items.stream().toList());
        assertEquals(OptionalLong.of(1), items.totalItems());
        assertEquals(List.of("x", "y"), items.stream().toList());
        assertEquals(OptionalLong.of(2), items.totalItems(), "the totals of the source read last");
        assertEquals(List.of("/first", "/second"), chosen);
    }

    private static <E> List<E> toList(Iterable<E> iterable) {
        List<E> out = new ArrayList<>();
        iterable.forEach(out::add);
        return out;
    }

    @Test
    void generatedListOperationsPageByTheSameRule() {
        page("/gen", "page", "1", "{\"items\":[\"a\"],\"total\":3}");
        page("/gen", "page", "2", "{\"items\":[\"b\"],\"hasMore\":true}");
        page("/gen", "page", "3", "{\"items\":[\"c\"],\"pages\":4}");
        page("/gen", "page", "4", "{\"items\":[\"d\"],\"pages\":4}");
        PagedIterable<String> items = com.docsdk.core.service.Pages.<Page, String>pageNumbers(1, 10,
                n -> fetch("/gen", "page", String.valueOf(n)), Page::items, Page::total, Page::pages, Page::hasMore);
        assertEquals(List.of("a", "b", "c", "d"), items.stream().toList());
        assertEquals(OptionalLong.of(3), items.totalItems());
        wm.verify(4, getRequestedFor(urlPathEqualTo("/gen")));

        page("/gencursor", "cursor", null, "{\"items\":[\"a\"],\"nextCursor\":\"n\",\"total\":2}");
        page("/gencursor", "cursor", "n", "{\"items\":[\"b\"],\"total\":2}");
        PagedIterable<String> byCursor = com.docsdk.core.service.Pages.<Page, String>cursor(null, 10,
                c -> fetch("/gencursor", "cursor", c), Page::items, Page::nextCursor, Page::hasMore, Page::total);
        assertEquals(List.of("a", "b"), byCursor.stream().toList());
        assertEquals(OptionalLong.of(2), byCursor.totalItems());

        page("/genswitch", "page", "1", "{\"items\":[\"a\"],\"hasMore\":true}");
        page("/genswitch", "page", "2", "{\"items\":[\"b\"],\"nextCursor\":\"k\"}");
        page("/genswitch", "cursor", "k", "{\"items\":[\"c\"],\"hasMore\":true}");
        PagedIterable<String> switching = com.docsdk.core.service.Pages.<Page, String>pageNumbersThenCursor(1, 10,
                at -> fetchAt("/genswitch", at), Page::items, Page::total, Page::pages, Page::hasMore,
                Page::nextCursor);
        assertEquals(List.of("a", "b", "c"), switching.stream().toList());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/genswitch")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/genswitch")).withQueryParam("cursor", equalTo("k")));
    }
}
