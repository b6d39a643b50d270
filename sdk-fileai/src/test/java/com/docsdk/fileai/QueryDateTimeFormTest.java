package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.docsdk.core.RequestOptions;
import com.docsdk.fileai.service.FilesService;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Date-times go into query strings exactly as fileAI documents them ({@code 2025-01-01T00:00:00.000Z}: three fraction
 * digits, {@code Z}), the form openapi/fileai.yaml declares once in {@code x-docsdk-query-date-time-format}.
 */
class QueryDateTimeFormTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void wholeSecondsAndNanosecondsAreBothSentWithExactlyThreeFractionDigits() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));

        client.files().listPage(FilesService.ListParams.builder()
                .updatedAfter(OffsetDateTime.parse("2025-05-01T00:00:00Z"))
                .createdAfter(OffsetDateTime.parse("2025-04-30T23:15:30.123456789+01:00")).page(1).build(),
                RequestOptions.none());

        String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
        assertEquals("/prod/v1/files?updatedAfter=2025-05-01T00%3A00%3A00.000Z"
                + "&createdAfter=2025-04-30T22%3A15%3A30.123Z&page=1", url);
    }
}
