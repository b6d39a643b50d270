package com.docsdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every vendor simulator shares: an embedded WireMock server on a dynamic loopback port, request validation
 * against the vendor's OpenAPI spec, credentials, switchable realism (rate limiting, injected faults, slow responses),
 * a controllable clock, and the JUnit 5 lifecycle.
 *
 * <p>As a JUnit 5 extension, registered on a {@code static} field, the simulator starts before all tests of the class
 * and stops after them; before each test its state is reset (see {@link #reset()}). Registered on an instance field,
 * it starts and stops around each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("test-key");
 *
 * @Test
 * void reportsExports() {
 *     String fileId = fileAi.addFile("invoice.pdf", "application/pdf");
 *     // ... run the code under test against fileAi.baseUrl() ...
 *     assertEquals(Optional.of("completed"), fileAi.exportStatus(fileId));
 * }
 * }</pre>
 *
 * <p>As a plain object: {@code start()}, use {@link #baseUrl()}, then {@code close()} (or try-with-resources).
 *
 * <p>Every request except those to the simulated object store ({@code /_storage/...}, where presigned URLs point) is
 * checked against the vendor's spec; a request the spec does not allow gets the vendor's documented validation
 * error, so code that goes off-spec fails its tests. Configuration (credentials, rate limit, timings, clock) is kept
 * across {@link #reset()}; state (resources, counters, queued faults, the request journal) is not.
 *
 * <p>Thread-safe: requests are served one at a time.
 *
 * @param <S> the concrete simulator, returned by the fluent configuration methods
 */
public abstract class ApiSimulator<S extends ApiSimulator<S>>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiSimulator.class);

    private final String vendor;
    private final Router router = new Router();
    private final SimulatedStorage storage;
    private final Deque<SimulatedFault> faults = new ArrayDeque<>();
    private WireMockServer server;
    private String startedByContext;
    private boolean startedForTest;

    private Clock clock = Clock.systemUTC();
    private boolean validateRequests = true;
    private boolean resetBeforeEachTest = true;
    private RateLimiter rateLimiter;
    private Duration slowResponseDuration = Duration.ofMillis(600);
    private String expectedApiKey;

    ApiSimulator(String vendor, SimulatedStorage.Style storageStyle) {
        this.vendor = vendor;
        this.storage = new SimulatedStorage(vendor, storageStyle, this::storageBaseUrl);
    }

    /** Registers the routes and creates the initial state; the last statement of each vendor's constructor. */
    final void initialize() {
        routes(router);
        resetState();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the server on a free loopback port (and parses the vendor's spec on first use, about a second).
     *
     * @return this simulator
     * @throws IllegalStateException if it is already running
     */
    public synchronized S start() {
        if (server != null) {
            throw new IllegalStateException(vendor + " simulator is already running on " + baseUrl());
        }
        Contracts.of(vendor);
        WireMockServer s = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .gzipDisabled(true)
                .maxRequestJournalEntries(10_000)
                .notifier(new Slf4jNotifier(false))
                .extensions(new SimulatorTransformer(vendor + "-simulator", this::serve)));
        s.start();
        s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        server = s;
        return self();
    }

    /** Stops the server; the simulator can be started again (on another port). Does nothing if it is not running. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the server is running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * The root URL of the simulated API, e.g. {@code http://127.0.0.1:53124}; the vendor's paths follow it as in the
     * vendor's spec ({@code /prod/v1/files}, {@code /v3/projects}...).
     *
     * @throws IllegalStateException if the simulator is not running
     */
    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The root of the simulated object store's presigned URLs: the same server as {@link #baseUrl()}, but addressed as
     * {@code localhost} so that it is another origin, as the vendors' storage hosts (S3, Azure Blob) are. Clients that
     * scope credentials to the API's origin then send none to the store, as they would in production.
     */
    synchronized String storageBaseUrl() {
        return "http://localhost:" + port();
    }

    /**
     * The port the server listens on.
     *
     * @throws IllegalStateException if the simulator is not running
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(vendor + " simulator is not running: call start() or register it with"
                    + " @RegisterExtension");
        }
        return server.port();
    }

    /**
     * Back to the initial state: resources created or seeded by tests are gone (the default fixtures are back), the
     * rate-limit window, queued faults and the request journal are cleared. Configuration is kept. Called before each
     * test when the simulator is a JUnit extension, unless {@link #resetBeforeEachTest(boolean)} turned it off.
     */
    public synchronized S reset() {
        resetState();
        storage.clear();
        faults.clear();
        if (rateLimiter != null) {
            rateLimiter.reset();
        }
        if (server != null) {
            server.resetRequests();
        }
        return self();
    }

    /** The requests received since the last reset, oldest first (for {@link OpenApiContract} or your own checks). */
    public synchronized List<LoggedRequest> requests() {
        if (server == null) {
            return List.of();
        }
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Accept only this API key (or token; where it is sent is the vendor's: see the simulator's class comment).
     * Without it, any non-blank credential is accepted and only a missing one is refused.
     */
    public synchronized S expectApiKey(String apiKey) {
        this.expectedApiKey = Objects.requireNonNull(apiKey, "apiKey");
        return self();
    }

    /**
     * After {@code requests} API calls within {@code window} (a fixed window opening at its first call), answer 429
     * with the vendor's body and the headers {@code Retry-After}, {@code X-RateLimit-Limit},
     * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (UTC epoch seconds) until the window ends on
     * this simulator's clock. Other responses then carry the {@code X-RateLimit-*} headers too.
     *
     * <pre>{@code
     * sim.clock(clock).rateLimit(2, Duration.ofMinutes(1)); // the third call in a minute gets 429
     * clock.advance(Duration.ofMinutes(1));                 // and the window is open again
     * }</pre>
     */
    public synchronized S rateLimit(int requests, Duration window) {
        this.rateLimiter = new RateLimiter(requests, Objects.requireNonNull(window, "window"));
        return self();
    }

    /** Turns rate limiting off (the default, except where a vendor documents a limit). */
    public synchronized S noRateLimit() {
        this.rateLimiter = null;
        return self();
    }

    /**
     * Makes the next {@code times} requests (API or object store) fail with {@code fault}; faults injected later queue
     * behind.
     */
    public synchronized S injectFaults(SimulatedFault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return self();
    }

    /** How long {@link SimulatedFault#SLOW_BODY} dribbles a body and {@link SimulatedFault#DELAY} waits (600 ms). */
    public synchronized S slowResponseDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        this.slowResponseDuration = duration;
        return self();
    }

    /**
     * The clock of everything time-based: timestamps, URL and token expiry, rate-limit windows. Pass a
     * {@link TestClock} to expire things without waiting. Default: the system clock.
     */
    public synchronized S clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** Whether requests are checked against the vendor's spec (default {@code true}). */
    public synchronized S validateRequests(boolean validate) {
        this.validateRequests = validate;
        return self();
    }

    /** Whether the JUnit extension calls {@link #reset()} before each test (default {@code true}). */
    public synchronized S resetBeforeEachTest(boolean reset) {
        this.resetBeforeEachTest = reset;
        return self();
    }

    // ---------------------------------------------------------------- JUnit 5

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (this) {
            if (server == null) {
                start();
                startedByContext = context.getUniqueId();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (this) {
            if (context.getUniqueId().equals(startedByContext)) {
                stop();
                startedByContext = null;
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (this) {
            if (server == null) {
                start();
                startedForTest = true;
            } else if (resetBeforeEachTest) {
                reset();
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (this) {
            if (startedForTest) {
                stop();
                startedForTest = false;
                reset();
            }
        }
    }

    // ---------------------------------------------------------------- for the vendor simulators

    /** Registers the vendor's operations. Called once, from the constructor. */
    abstract void routes(Router router);

    /** Clears the vendor's state and recreates its default fixtures. Called with the simulator's lock held. */
    abstract void resetState();

    /** The vendor's 401 (or other refusal) when the request's credentials are missing or wrong, else empty. */
    abstract Optional<SimResponse> authenticate(SimRequest request);

    /** The vendor's answer to a request its spec does not allow. */
    abstract SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations);

    /** The vendor's answer to a path or method it does not have. */
    abstract SimResponse unknownOperation(SimRequest request);

    /** The vendor's 429 body; the rate-limit headers are added by the caller. */
    abstract SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds);

    /** The vendor's 500 or 503 body. */
    abstract SimResponse serverError(int status);

    final Clock clock() {
        return clock;
    }

    final SimulatedStorage storage() {
        return storage;
    }

    final Optional<String> expectedApiKey() {
        return Optional.ofNullable(expectedApiKey);
    }

    /** Whether a presented credential is acceptable: the expected one, or any non-blank one if none is expected. */
    final boolean acceptsApiKey(Optional<String> presented) {
        return presented.filter(k -> !k.isBlank())
                .filter(k -> expectedApiKey == null || expectedApiKey.equals(k))
                .isPresent();
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    // ---------------------------------------------------------------- serving

    private synchronized ResponseDefinition serve(ServeEvent event) {
        SimRequest request = new SimRequest(event.getRequest());
        SimulatedFault fault = faults.poll();
        if (fault != null) {
            Optional<ResponseDefinition> failed = failWith(fault);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        SimResponse response;
        try {
            response = storage.handles(request) ? storage.serve(request, clock) : serveApi(request);
        } catch (RuntimeException e) {
            LOG.error("{} simulator failed on {}", vendor, request, e);
            response = serverError(500);
        }
        ResponseDefinitionBuilder definition = response.toDefinition();
        if (fault == SimulatedFault.SLOW_BODY) {
            definition.withChunkedDribbleDelay(5, (int) slowResponseDuration.toMillis());
        } else if (fault == SimulatedFault.DELAY) {
            definition.withFixedDelay((int) slowResponseDuration.toMillis());
        }
        return definition.build();
    }

    private Optional<ResponseDefinition> failWith(SimulatedFault fault) {
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
        switch (fault) {
            case CONNECTION_RESET:
                return Optional.of(b.withFault(Fault.CONNECTION_RESET_BY_PEER).build());
            case EMPTY_RESPONSE:
                return Optional.of(b.withFault(Fault.EMPTY_RESPONSE).build());
            case MALFORMED_RESPONSE:
                return Optional.of(b.withFault(Fault.MALFORMED_RESPONSE_CHUNK).build());
            case INTERNAL_SERVER_ERROR:
                return Optional.of(serverError(500).toDefinition().build());
            case SERVICE_UNAVAILABLE:
                return Optional.of(serverError(503).header("Retry-After", "1").toDefinition().build());
            case BAD_GATEWAY:
                return Optional.of(SimResponse.text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        "text/html").toDefinition().build());
            default:
                return Optional.empty();
        }
    }

    private SimResponse serveApi(SimRequest request) {
        RateLimiter.Decision decision = null;
        if (rateLimiter != null) {
            decision = rateLimiter.acquire(clock.instant());
            if (!decision.allowed()) {
                return withRateLimitHeaders(tooManyRequests(request, decision.retryAfterSeconds()), decision)
                        .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            }
        }
        SimResponse response = serveValidated(request);
        return decision != null ? withRateLimitHeaders(response, decision) : response;
    }

    private SimResponse serveValidated(SimRequest request) {
        List<ContractViolation> violations = validateRequests
                ? Contracts.of(vendor).check(request.raw())
                : List.of();
        if (violations.stream().anyMatch(ContractViolation::isUnknownOperation)) {
            return unknownOperation(request);
        }
        Optional<SimResponse> refused = authenticate(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<ContractViolation> invalid = violations.stream()
                .filter(v -> !v.isSecurity())
                .collect(Collectors.toList());
        if (!invalid.isEmpty()) {
            LOG.debug("{} simulator: off-spec request {}: {}", vendor, request, invalid);
            return invalidRequest(request, invalid);
        }
        return router.dispatch(request).orElseGet(() -> unknownOperation(request));
    }

    private static SimResponse withRateLimitHeaders(SimResponse response, RateLimiter.Decision decision) {
        return response.header("X-RateLimit-Limit", Integer.toString(decision.limit()))
                .header("X-RateLimit-Remaining", Integer.toString(decision.remaining()))
                .header("X-RateLimit-Reset", Long.toString(decision.resetAt().getEpochSecond()));
    }
}
