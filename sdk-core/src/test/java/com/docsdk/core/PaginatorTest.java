package com.docsdk.core;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginatorTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    record Page(List<String> items, Integer pages, String nextCursor) {
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
}
