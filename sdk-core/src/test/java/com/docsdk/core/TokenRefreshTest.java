package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.TokenProvider;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.SdkException;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A refreshing token is cached, refreshed ahead of expiry or once after a 401, and fetched once for all callers. */
class TokenRefreshTest {
    @RegisterExtension
    static WireMockExtension api = TestHttp.wireMock();
    @RegisterExtension
    static WireMockExtension other = TestHttp.wireMock();

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(TestHttp.NOW);
    private final AtomicInteger fetches = new AtomicInteger();

    /** Issues t1, t2, ... each valid for {@link #LIFETIME} from the test clock's now. */
    private final TokenProvider provider = () -> new AccessToken("t" + fetches.incrementAndGet(),
            clock.instant().plus(LIFETIME));

    private Transport transport(TokenProvider tokens) {
        return TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(tokens, SKEW, clock)).build();
    }

    @Test
    void aFreshTokenIsReusedAndRefreshedOnceTheClockPassesExpiryMinusSkew() {
        api.stubFor(get("/me").willReturn(ok("me")));
        try (Transport t = transport(provider)) {
            TestHttp.get(t, api.url("/me"));
            clock.advance(LIFETIME.minus(SKEW).minusSeconds(1));
            TestHttp.get(t, api.url("/me"));
            assertEquals(1, fetches.get(), "token reused while fresh");

            clock.advance(Duration.ofSeconds(2));
            TestHttp.get(t, api.url("/me"));
            assertEquals(2, fetches.get(), "token refreshed within the skew of its expiry");
        }
        api.verify(2, getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer t1")));
        api.verify(1, getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer t2")));
    }

    @Test
    void aTokenWithoutExpiryIsReusedUntilRejected() {
        api.stubFor(get("/me").willReturn(ok("me")));
        AtomicInteger calls = new AtomicInteger();
        try (Transport t = transport(() -> new AccessToken("forever-" + calls.incrementAndGet(), null))) {
            TestHttp.get(t, api.url("/me"));
            clock.advance(Duration.ofDays(365));
            TestHttp.get(t, api.url("/me"));
        }
        assertEquals(1, calls.get());
    }

    @Test
    void a401RefreshesTheTokenOnceAndReplaysTheRequestOnce() {
        api.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer t1")).willReturn(unauthorized()));
        api.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer t2")).willReturn(ok("me")));
        try (Transport t = transport(provider)) {
            SdkResponse<String> r = TestHttp.get(t, api.url("/me"));
            assertEquals("me", r.value());
        }
        assertEquals(2, fetches.get());
        api.verify(2, getRequestedFor(urlEqualTo("/me")));
    }

    @Test
    void aPersistent401FailsWithAuthenticationExceptionAfterOneReplay() {
        api.stubFor(get("/me").willReturn(unauthorized().withBody("{\"message\":\"invalid token\"}")));
        try (Transport t = transport(provider)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/me")));
            assertEquals(401, e.statusCode());
            assertEquals(2, e.attempts());
            assertEquals(List.of("invalid token"), e.messages());
        }
        api.verify(2, getRequestedFor(urlEqualTo("/me")));
        assertEquals(2, fetches.get());
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        api.stubFor(get("/me").willReturn(ok("me")));
        TokenProvider slow = () -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return provider.fetchToken();
        };
        int callers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (Transport t = transport(slow)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return TestHttp.get(t, api.url("/me")).value();
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertEquals("me", f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fetches.get());
        api.verify(callers, getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer t1")));
    }

    /**
     * Two calls in flight with t1 both get 401. The first refreshes to t2; the second's 401 must not throw t2 away
     * (it was rejected for t1, which is already gone), so it replays with t2 and no third token is fetched.
     */
    @Test
    void aLate401ForAnOldTokenDoesNotDiscardTheRefreshedOne() throws Exception {
        for (String path : List.of("/a", "/b", "/warm")) {
            api.stubFor(get(path).withHeader("Authorization", equalTo("Bearer t1"))
                    .willReturn(path.equals("/warm") ? ok() : unauthorized()));
            api.stubFor(get(path).withHeader("Authorization", equalTo("Bearer t2")).willReturn(ok("ok")));
        }
        CountDownLatch bGot401 = new CountDownLatch(1);
        CountDownLatch aDone = new CountDownLatch(1);
        // The user's shared client holds B's first 401 until A has refreshed and finished.
        OkHttpClient shared = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            if (chain.request().url().encodedPath().equals("/b") && response.code() == 401) {
                bGot401.countDown();
                try {
                    assertTrue(aDone.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return response;
        }).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(provider, SKEW, clock))
                .okHttpClient(shared).build()) {
            TestHttp.get(t, api.url("/warm"));
            Future<String> b = pool.submit(() -> TestHttp.get(t, api.url("/b")).value());
            assertTrue(bGot401.await(5, TimeUnit.SECONDS));
            assertEquals("ok", TestHttp.get(t, api.url("/a")).value());
            aDone.countDown();
            assertEquals("ok", b.get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, fetches.get(), "B's stale 401 must not discard t2");
    }

    @Test
    void a401FromAnotherOriginAfterARedirectDoesNotRefreshTheToken() {
        api.stubFor(get("/export").willReturn(temporaryRedirect(other.url("/bucket/x.csv"))));
        other.stubFor(get("/bucket/x.csv").willReturn(unauthorized()));
        try (Transport t = transport(provider)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/export")));
            assertTrue(e.url().startsWith(other.baseUrl()), e.url());
        }
        assertEquals(1, fetches.get());
        api.verify(1, getRequestedFor(urlEqualTo("/export")));
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/x.csv")));
    }

    @Test
    void aStaticBearerToken401IsNotReplayed() {
        api.stubFor(get("/me").willReturn(unauthorized()));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.bearerToken("static")).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/me")));
            assertEquals(1, e.attempts());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/me")));
    }

    @Test
    void aProviderThatReturnsNoTokenFailsClearly() {
        try (Transport t = transport(() -> null)) {
            SdkException e = assertThrows(SdkException.class, () -> TestHttp.get(t, api.url("/me")));
            assertTrue(e.getMessage().contains("no token"), e.getMessage());
        }
        assertEquals(0, api.getAllServeEvents().size());
    }
}
