package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitInterruptedException;
import com.docsdk.core.wait.WaitTimeoutException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.gson.Gson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollerTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    record Job(String status, String error) {
    }

    private final FakeTime time = new FakeTime(Instant.parse("2026-11-23T10:00:00Z"));
    private final Transport transport = Transport.builder(SdkModule.CORE).baseUrl(wm.baseUrl())
            .credentials(Credentials.none()).clock(time).sleeper(time).build();

    @AfterEach
    void close() {
        transport.close();
    }

    private SdkResponse<Job> fetch(String path) {
        return transport.execute(new Request.Builder().url(wm.baseUrl() + path).build(), RequestOptions.none(),
                ResponseReader.json(new Gson(), Job.class));
    }

    private Poller.Builder<Job> poller(String path) {
        return Poller.<Job>builder("export 42")
                .pollResponse(() -> fetch(path))
                .status(Job::status)
                .succeededOn("available").failedOn("failed").inProgressOn("queued", "in_progress")
                .failureMessages(j -> j.error() == null ? List.of() : List.of(j.error()))
                .runtime(transport);
    }

    private void sequence(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            wm.stubFor(get(path).inScenario(path).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willReturn(responses[i]).willSetStateTo("s" + (i + 1)));
        }
    }

    private static ResponseDefinitionBuilder status(String s) {
        return okJson("{\"status\":\"" + s + "\",\"extra\":1}");
    }

    @Test
    void followsQueuedThenInProgressThenAvailableWithGrowingIntervals() {
        sequence("/jobs/1", status("queued"), status("in_progress"), status("in_progress"), status("available"));
        List<String> seen = new CopyOnWriteArrayList<>();
        Job done = poller("/jobs/1").listener(o -> seen.add(o.poll() + ":" + o.statusText() + ":" + o.status()))
                .build().await();
        assertEquals("available", done.status());
        assertEquals(List.of("1:queued:IN_PROGRESS", "2:in_progress:IN_PROGRESS", "3:in_progress:IN_PROGRESS",
                "4:available:SUCCEEDED"), seen);
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250)),
                time.sleeps);
    }

    @Test
    void statusCasingDoesNotMatter() {
        sequence("/jobs/casing", status("Queued"), status("AVAILABLE"));
        assertEquals("AVAILABLE", poller("/jobs/casing").build().await().status());
    }

    @Test
    void aFailedExportThrowsWithTheVendorsStatusAndMessages() {
        sequence("/jobs/2", status("queued"), okJson("{\"status\":\"failed\",\"error\":\"template missing\"}"));
        WaitFailedException e = assertThrows(WaitFailedException.class, () -> poller("/jobs/2").build().await());
        assertEquals("failed", e.lastStatus().orElseThrow());
        assertEquals(List.of("template missing"), e.messages());
        assertEquals(2, e.polls());
        assertInstanceOf(Job.class, e.resource());
        assertTrue(e.getMessage().contains("export 42 failed with status 'failed': template missing"), e.getMessage());
    }

    @Test
    void timesOutWithLastStatusElapsedAndPolls() {
        wm.stubFor(get("/jobs/3").willReturn(status("in_progress")));
        PollOptions options = PollOptions.builder().interval(Duration.ofSeconds(2)).backoffMultiplier(1.0)
                .timeout(Duration.ofSeconds(9)).build();
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> poller("/jobs/3").options(options).build().await());
        assertEquals("in_progress", e.lastStatus().orElseThrow());
        assertEquals(Duration.ofSeconds(9), e.elapsed());
        assertEquals(6, e.polls()); // at 0, 2, 4, 6, 8 and a last one at the deadline
        wm.verify(6, getRequestedFor(urlEqualTo("/jobs/3")));
    }

    @Test
    void anUnknownStatusCountsAsInProgressAndIsLoggedOnce() {
        sequence("/jobs/4", status("archiving"), status("archiving"), status("archiving"), status("available"));
        try (LogCapture logs = new LogCapture()) {
            assertEquals("available", poller("/jobs/4").build().await().status());
            long warnings = logs.lines().stream().filter(l -> l.contains("'archiving' is not known")).count();
            assertEquals(1, warnings, logs.all());
        }
    }

    @Test
    void retryAfterOnAPollReplacesTheInterval() {
        sequence("/jobs/5", status("queued").withStatus(202).withHeader("Retry-After", "7"), status("available"));
        poller("/jobs/5").build().await();
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(7)), time.sleeps);
    }

    @Test
    void anInterruptedWaitStopsAndKeepsTheInterruptFlag() {
        wm.stubFor(get("/jobs/6").willReturn(status("queued")));
        Poller<Job> p = poller("/jobs/6").listener(o -> Thread.currentThread().interrupt()).build();
        WaitInterruptedException e = assertThrows(WaitInterruptedException.class, p::await);
        assertTrue(Thread.interrupted());
        assertEquals(1, e.polls());
        wm.verify(1, getRequestedFor(urlEqualTo("/jobs/6")));
    }

    @Test
    void asyncWaitCompletesOnTheSharedScheduler() throws Exception {
        sequence("/jobs/7", status("queued"), status("in_progress"), status("available"));
        Poller<Job> p = poller("/jobs/7").sleeper(Sleeper.system()).clock(java.time.Clock.systemUTC())
                .options(PollOptions.builder().interval(Duration.ofMillis(5)).build()).build();
        assertEquals("available", p.awaitAsync().get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void asyncFailureCompletesTheFutureExceptionally() {
        sequence("/jobs/8", status("failed"));
        CompletableFuture<Job> f = poller("/jobs/8").build().awaitAsync();
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertInstanceOf(WaitFailedException.class, e.getCause());
    }

    @Test
    void cancellingAnAsyncWaitStopsPolling() throws Exception {
        wm.stubFor(get("/jobs/9").willReturn(status("in_progress")));
        CountDownLatch polled = new CountDownLatch(2);
        Poller<Job> p = poller("/jobs/9").clock(java.time.Clock.systemUTC())
                .options(PollOptions.builder().interval(Duration.ofMillis(10)).backoffMultiplier(1.0).build())
                .listener(o -> polled.countDown()).build();
        CompletableFuture<Job> f = p.awaitAsync();
        assertTrue(polled.await(5, TimeUnit.SECONDS));
        assertTrue(f.cancel(true));
        assertThrows(CancellationException.class, f::join);
        Thread.sleep(50); // let any poll in flight finish
        int after = wm.getAllServeEvents().size();
        Thread.sleep(100); // ten intervals: a live wait would poll again
        assertEquals(after, wm.getAllServeEvents().size());
    }

    @Test
    void aPollerNeedsAStatusMapping() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Poller.<Job>builder("x").poll(() -> new Job("a", null)).status(Job::status).build());
        assertTrue(e.getMessage().contains("status mapping"), e.getMessage());
    }
}
