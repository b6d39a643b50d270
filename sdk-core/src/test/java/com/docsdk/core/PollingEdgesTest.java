package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.paging.Paginator;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.PollStatus;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.wait.WaitTimeoutException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Poll options and paging settings validated up front; polls that return nothing or have no status. */
class PollingEdgesTest {

    @Test
    void pollOptionsValidateAndPrintTheirFigures() {
        PollOptions o = PollOptions.builder().initialDelay(Duration.ofSeconds(1)).interval(Duration.ofSeconds(2))
                .backoffMultiplier(1.0).maxInterval(Duration.ofSeconds(2)).timeout(Duration.ofMinutes(1)).build();
        assertEquals(Duration.ofSeconds(1), o.initialDelay());
        assertEquals(Duration.ofSeconds(2), o.interval());
        assertEquals(1.0, o.backoffMultiplier());
        assertEquals(Duration.ofSeconds(2), o.maxInterval());
        assertEquals(Duration.ofMinutes(1), o.timeout());
        assertEquals("PollOptions{initialDelay=PT1S, interval=PT2S, backoffMultiplier=1.0, maxInterval=PT2S,"
                + " timeout=PT1M}", o.toString());
        PollOptions copy = o.toBuilder().backoffMultiplier(2.5).maxInterval(Duration.ofSeconds(9)).build();
        assertEquals(2.5, copy.backoffMultiplier());
        assertEquals(Duration.ofSeconds(9), copy.maxInterval());
        assertEquals(Duration.ofSeconds(1), copy.initialDelay());

        assertEquals("backoffMultiplier", assertThrows(ClientValidationException.class,
                () -> PollOptions.builder().backoffMultiplier(0.99)).field());
        assertEquals("backoffMultiplier", assertThrows(ClientValidationException.class,
                () -> PollOptions.builder().backoffMultiplier(Double.POSITIVE_INFINITY)).field());
        assertEquals("maxInterval", assertThrows(ClientValidationException.class,
                () -> PollOptions.builder().interval(Duration.ofSeconds(3)).maxInterval(Duration.ofSeconds(2))
                        .build()).field());
        assertEquals("timeout", assertThrows(ClientValidationException.class,
                () -> PollOptions.builder().timeout(Duration.ofSeconds(-1))).field());
        assertEquals("interval", assertThrows(ClientValidationException.class,
                () -> PollOptions.builder().interval(null)).field());
    }

    @Test
    void pagingSettingsMustNotBeNegative() {
        assertEquals("firstPage", assertThrows(ClientValidationException.class,
                () -> Paginator.<List<String>, String>pageNumbers(p -> p).firstPage(-1)).field());
        assertEquals("pageSize", assertThrows(ClientValidationException.class,
                () -> Paginator.<List<String>, String>pageNumbers(p -> p).pageSize(-1)).field());
        AtomicInteger asked = new AtomicInteger(-1);
        List<String> items = Paginator.<List<String>, String>pageNumbers(p -> p).firstPage(0).pageSize(0)
                .build(n -> {
                    asked.compareAndSet(-1, n);
                    return n == 0 ? List.of("a") : List.of();
                }).stream().toList();
        assertEquals(List.of("a"), items);
        assertEquals(0, asked.get(), "page numbers may start at 0");
    }

    @Test
    void aPollThatReturnsNothingFailsTheWaitWithoutHangingOn() {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", ""));
                Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            FakeTime time = new FakeTime();
            Poller<String> nothing = Poller.<String>builder("export 3")
                    .pollResponse(() -> t.execute(new Request.Builder().url(server.url("/jobs/3")).build(),
                            RequestOptions.none(), r -> null))
                    .status(s -> s).succeededOn("done").clock(time).sleeper(time).build();
            SdkException e = assertThrows(SdkException.class, nothing::await);
            assertTrue(e.getMessage().contains("returned no resource"), e.getMessage());

            FakeTime later = new FakeTime();
            Poller<String> noStatus = Poller.<String>builder("export 4").poll(() -> "queued").status(s -> null)
                    .succeededOn("done").clock(later).sleeper(later)
                    .options(PollOptions.builder().interval(Duration.ofSeconds(10)).timeout(Duration.ofSeconds(25))
                            .backoffMultiplier(1.0).build()).build();
            WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class, noStatus::await);
            assertEquals(Optional.of(""), timeout.lastStatus());
            assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                    later.sleeps,
                    "the last wait is cut to the time left");
        }
    }

    @Test
    void anAsyncWaitNeedsASchedulerAndAPollerNeedsItsParts() {
        Poller<String> noScheduler = Poller.<String>builder("x").poll(() -> "done").status(s -> s)
                .succeededOn("done").build();
        assertThrows(IllegalStateException.class, noScheduler::awaitAsync);
        assertEquals("done", noScheduler.await());
        assertEquals("poll", assertThrows(ClientValidationException.class,
                () -> Poller.<String>builder("x").status(s -> s).succeededOn("done").build()).field());
        assertEquals("status", assertThrows(ClientValidationException.class,
                () -> Poller.<String>builder("x").poll(() -> "done").succeededOn("done").build()).field());
        assertEquals("DONE ", Poller.<String>builder("x").poll(() -> "DONE ").status(s -> s)
                .classifier(s -> s.startsWith("DONE") ? PollStatus.SUCCEEDED : null).build().await());
    }
}
