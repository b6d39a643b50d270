package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.wait.PollScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The settings every vendor client shares; each vendor's {@code XxxClient.Builder} extends it. Every setting has a
 * sensible default; only the credentials are required.
 *
 * <pre>{@code
 * FileAiClient client = FileAiClient.builder()
 *         .credentials(Credentials.apiKey("x-api-key", System.getenv("FILEAI_API_KEY")))
 *         .okHttpClient(sharedOkHttp)            // reuse your connection pool and dispatcher
 *         .readTimeout(Duration.ofSeconds(30))
 *         .retryPolicy(RetryPolicy.builder().maxRetries(5).build())
 *         .build();
 * }</pre>
 *
 * @param <B> the concrete builder type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

    private String baseUrl;
    private Credentials credentials;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private ProxyConfig proxy;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RetryBudget retryBudget;
    private boolean allowInsecureHttp;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private List<String> requestIdHeaders;
    private String applicationName;
    private PollScheduler pollScheduler;
    private Map<String, String> environment;

    protected ClientBuilder() {
    }

    /** This builder, typed. */
    protected abstract B self();

    /** The API's base URL; defaults to the vendor's production URL. {@code http://} is refused except on loopback. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = ClientValidationException.requireNonBlank("baseUrl", baseUrl);
        return self();
    }

    /** How requests authenticate. Required. */
    public B credentials(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        return self();
    }

    /**
     * An {@code OkHttpClient} to share (connection pool, dispatcher, proxy, timeouts). The SDK derives its own client
     * from it with {@link OkHttpClient#newBuilder()} and never shuts it down; {@code close()} leaves it running.
     */
    public B okHttpClient(OkHttpClient okHttpClient) {
        this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
        return self();
    }

    /** Time to establish a connection; default 10 s (or the shared client's). */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = nonNegative(timeout, "connectTimeout");
        return self();
    }

    /** Longest silence while reading a response; default 60 s (or the shared client's). */
    public B readTimeout(Duration timeout) {
        this.readTimeout = nonNegative(timeout, "readTimeout");
        return self();
    }

    /** Longest stall while writing a request; default 60 s (or the shared client's). */
    public B writeTimeout(Duration timeout) {
        this.writeTimeout = nonNegative(timeout, "writeTimeout");
        return self();
    }

    /** Limit on a whole call, retries and their waits included; default none (0). Overridable per call. */
    public B callTimeout(Duration timeout) {
        this.callTimeout = nonNegative(timeout, "callTimeout");
        return self();
    }

    /** An HTTP(S) proxy. Without one, the JVM's standard proxy properties apply. */
    public B proxy(ProxyConfig proxy) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        return self();
    }

    /** The retry policy for every call; default {@link RetryPolicy#defaults()}. Overridable per call. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /** The retry budget; default a fresh {@link RetryBudget#standard()} per client. Share one across clients. */
    public B retryBudget(RetryBudget retryBudget) {
        this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
        return self();
    }

    /** Allows a plain {@code http://} base URL on a non-loopback host. Credentials then travel unencrypted. */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /** The clock used for token expiry and {@code Retry-After} dates; for tests. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** What waits between retries and polls; for tests ({@code d -> {}} never waits). */
    public B sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return self();
    }

    /** Response headers carrying the vendor's request id, tried in order; defaults to the vendor's. */
    public B requestIdHeaders(String... names) {
        this.requestIdHeaders = List.copyOf(Arrays.asList(names));
        return self();
    }

    /** Appended to the {@code User-Agent}, e.g. {@code "acme-erp/4.2"}. */
    public B applicationName(String applicationName) {
        this.applicationName = ClientValidationException.requireNonBlank("applicationName", applicationName);
        return self();
    }

    /**
     * The threads behind asynchronous waits; default one per client, created on first use. Share one across clients
     * to bound threads further; the client does not close a scheduler it was given.
     */
    public B pollScheduler(PollScheduler pollScheduler) {
        this.pollScheduler = Objects.requireNonNull(pollScheduler, "pollScheduler");
        return self();
    }

    /**
     * Takes what is not set explicitly from the process environment at build time: the vendor's credential variables
     * and its base-URL variable (named in each client's documentation). Explicit settings win.
     */
    public B fromEnv() {
        return fromEnv(System.getenv());
    }

    /** As {@link #fromEnv()}, from the given variables instead of the process environment (tests, config files). */
    public B fromEnv(Map<String, String> environment) {
        ClientValidationException.requireNonNull("environment", environment);
        this.environment = Map.copyOf(environment);
        return self();
    }

    /** True when {@link #fromEnv()} was called. */
    protected final boolean usesEnvironment() {
        return environment != null;
    }

    /**
     * A variable of the environment given to {@link #fromEnv()}, trimmed; empty when {@code fromEnv} was not called
     * or the variable is unset or blank.
     */
    protected final Optional<String> environmentVariable(String name) {
        if (environment == null) {
            return Optional.empty();
        }
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** As {@link #environmentVariable(String)}, failing with a message naming the variable when it is missing. */
    protected final String requireEnvironmentVariable(String name, String whatItHolds) {
        return environmentVariable(name).orElseThrow(() -> new ClientValidationException(name,
                "the environment variable is not set; it must hold " + whatItHolds));
    }

    /** True when {@link #allowInsecureHttp(boolean)} allowed plain http to non-loopback hosts. */
    protected final boolean allowsInsecureHttp() {
        return allowInsecureHttp;
    }

    /** The base URL set explicitly with {@link #baseUrl(String)}, if any. */
    protected final Optional<String> configuredBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The configured credentials, if any: vendor builders fall back to environment variables. */
    protected final Credentials credentialsOrNull() {
        return credentials;
    }

    protected final Clock clock() {
        return clock;
    }

    protected final Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Builds the transport for a vendor client.
     *
     * @param module the vendor module, for the {@code User-Agent}
     * @param defaultBaseUrl the vendor's production base URL, used when none was set
     * @param errorBodyParser reads the vendor's error bodies
     * @param defaultRequestIdHeaders the vendor's request-id response headers, used when none were set
     */
    protected final Transport buildTransport(SdkModule module, String defaultBaseUrl, ErrorBodyParser errorBodyParser,
            List<String> defaultRequestIdHeaders) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(errorBodyParser, "errorBodyParser");
        if (credentials == null) {
            throw new ClientValidationException("credentials", "credentials are required (use Credentials.apiKey,"
                    + " bearerToken, refreshingToken, or Credentials.none() for a public endpoint)");
        }
        String url = baseUrl != null ? baseUrl : defaultBaseUrl;
        if (url == null) {
            throw new ClientValidationException("baseUrl", "a base URL is required");
        }
        List<String> idHeaders = new ArrayList<>(requestIdHeaders != null ? requestIdHeaders
                : defaultRequestIdHeaders == null ? List.of() : defaultRequestIdHeaders);
        return new Transport(new Transport.Settings(module, url, credentials, okHttpClient, connectTimeout,
                readTimeout, writeTimeout, callTimeout, proxy, retryPolicy,
                retryBudget != null ? retryBudget : RetryBudget.standard(), allowInsecureHttp, clock, sleeper,
                List.copyOf(idHeaders), applicationName, errorBodyParser, pollScheduler));
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        ClientValidationException.require(!d.isNegative(), name, "must not be negative");
        return d;
    }
}
