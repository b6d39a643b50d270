package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.internal.AttemptInterceptor;
import com.docsdk.core.internal.AuthInterceptor;
import com.docsdk.core.internal.CallState;
import com.docsdk.core.internal.ErrorInterceptor;
import com.docsdk.core.internal.ErrorMapper;
import com.docsdk.core.internal.Failures;
import com.docsdk.core.internal.FollowUpGuard;
import com.docsdk.core.internal.HeadersInterceptor;
import com.docsdk.core.internal.Origin;
import com.docsdk.core.internal.RawResponse;
import com.docsdk.core.internal.RetryInterceptor;
import com.docsdk.core.internal.SecretRegistry;
import com.docsdk.core.internal.TokenRefreshInterceptor;
import com.docsdk.core.internal.TransportSecurity;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.wait.PollScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP stack of one vendor client: an {@link OkHttpClient} with the SDK's interceptors (user agent, typed errors,
 * retries with budget, token refresh on 401, per-attempt redacted logging, host-scoped credentials). Vendor facades
 * and the generated API classes send everything through it.
 *
 * <pre>{@code
 * try (Transport transport = Transport.builder(SdkModule.CORE)
 *         .baseUrl("https://api.example.com")
 *         .credentials(Credentials.apiKey("x-api-key", key))
 *         .build()) {
 *     SdkResponse<String> r = transport.execute(
 *             new Request.Builder().url(transport.baseUrl().resolve("/v1/ping")).build(),
 *             RequestOptions.none(), ResponseReader.string());
 * }
 * }</pre>
 *
 * <p>{@link #close()} releases the connection pool and threads only when the transport created its own
 * {@code OkHttpClient}; a shared client given to the builder is left running.
 */
public final class Transport implements AutoCloseable {
    private final SdkModule module;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final OkHttpClient anonymousClient;
    private final boolean ownsClient;
    private final Settings settings;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ErrorMapper errors;
    private final SecretRegistry secrets = new SecretRegistry();
    private final Object schedulerLock = new Object();
    private PollScheduler pollScheduler;
    private boolean ownsPollScheduler;

    /** Everything the builder collected. */
    record Settings(SdkModule module, String baseUrl, Credentials credentials, OkHttpClient shared,
            Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
            ProxyConfig proxy, RetryPolicy retryPolicy, RetryBudget retryBudget, boolean allowInsecureHttp,
            Clock clock, Sleeper sleeper, List<String> requestIdHeaders, String applicationName,
            ErrorBodyParser errorBodyParser, PollScheduler pollScheduler) {
    }

    Transport(Settings s) {
        this.settings = s;
        this.module = s.module();
        HttpUrl parsed = HttpUrl.parse(s.baseUrl());
        if (parsed == null) {
            throw new ClientValidationException("baseUrl", "not an http(s) URL: " + Redactor.url(s.baseUrl()));
        }
        TransportSecurity.requireSecure(parsed, s.allowInsecureHttp(), "baseUrl");
        this.baseUrl = parsed;
        this.userAgent = userAgent(s.module(), s.applicationName());
        this.ownsClient = s.shared() == null;
        this.pollScheduler = s.pollScheduler();

        OkHttpClient.Builder common = (ownsClient ? new OkHttpClient() : s.shared()).newBuilder();
        if (ownsClient) {
            common.connectTimeout(orDefault(s.connectTimeout(), ClientBuilder.DEFAULT_CONNECT_TIMEOUT))
                    .readTimeout(orDefault(s.readTimeout(), ClientBuilder.DEFAULT_READ_TIMEOUT))
                    .writeTimeout(orDefault(s.writeTimeout(), ClientBuilder.DEFAULT_WRITE_TIMEOUT));
        } else {
            if (s.connectTimeout() != null) {
                common.connectTimeout(s.connectTimeout());
            }
            if (s.readTimeout() != null) {
                common.readTimeout(s.readTimeout());
            }
            if (s.writeTimeout() != null) {
                common.writeTimeout(s.writeTimeout());
            }
        }
        if (s.callTimeout() != null) {
            common.callTimeout(s.callTimeout());
        }
        // Every re-send is the RetryPolicy's decision: OkHttp's silent retry of a request that failed on a pooled
        // connection would re-send a POST the server had already read (a shared client's setting is overridden).
        // Connect failures still fall back to the next route inside OkHttp; nothing was sent then.
        common.retryOnConnectionFailure(false);
        if (s.proxy() != null) {
            common.proxy(s.proxy().toProxy()).proxyAuthenticator(s.proxy().authenticator());
        } else if (ownsClient) {
            common.proxyAuthenticator(ProxyConfig.fromSystemProperties());
        }
        // The client's own secrets, scrubbed from everything it prints: fed by the credentials (and token fetches).
        Credentials credentials = s.credentials();
        credentials.bindSecrets(secrets);
        // Application interceptors run outermost first; credentials are resolved last, attached on the wire.
        this.errors = new ErrorMapper(s.errorBodyParser(), s.requestIdHeaders(), s.clock(), secrets);
        common.addInterceptor(new ErrorInterceptor(errors))
                .addInterceptor(new HeadersInterceptor(userAgent))
                .addInterceptor(new RetryInterceptor(s.retryPolicy(), s.retryBudget(), s.sleeper(), s.clock(),
                        secrets));

        Origin origin = Origin.of(parsed);
        // Outermost network interceptor: sees each hop's response before OkHttp decides on a follow-up (refuses to
        // take a credential to another origin, keeps OkHttp from repeating a request on its own).
        OkHttpClient settled = common.build();
        common.addNetworkInterceptor(new FollowUpGuard(secrets, settled.followRedirects(),
                settled.followSslRedirects()));
        this.anonymousClient = common.build().newBuilder().addInterceptor(new AttemptInterceptor(secrets)).build();
        this.client = common
                .addInterceptor(new TokenRefreshInterceptor(credentials, origin))
                .addInterceptor(new AttemptInterceptor(secrets))
                .addInterceptor(new AuthInterceptor.Resolve(credentials, origin))
                .addNetworkInterceptor(new AuthInterceptor.Attach(credentials, origin))
                .build();
        credentials.bindTokenClient(anonymousClient);
    }

    /** A transport for code that talks to an API the SDK has no module for (and for tests). */
    public static Builder builder(SdkModule module) {
        return new Builder(module);
    }

    /** The API's base URL. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The base URL without a trailing slash, as generated clients' {@code ApiClient.setBasePath} expects it. */
    public String basePath() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The configured {@code OkHttpClient} with every SDK interceptor: hand it to generated API classes. Requests to
     * hosts other than the base URL's (presigned URLs) go out without credentials.
     */
    public OkHttpClient okHttpClient() {
        ensureOpen();
        return client;
    }

    /** The clock the transport uses. */
    public Clock clock() {
        return settings.clock();
    }

    /** What the transport waits with between retries; pollers wait with it too. */
    public Sleeper sleeper() {
        return settings.sleeper();
    }

    /**
     * The scheduler behind asynchronous waits: the one given to the builder, else one this transport creates on first
     * use ({@value PollScheduler#DEFAULT_WORKERS} workers) and stops on {@link #close()}.
     */
    public PollScheduler pollScheduler() {
        ensureOpen();
        synchronized (schedulerLock) {
            if (pollScheduler == null) {
                pollScheduler = PollScheduler.create(PollScheduler.DEFAULT_WORKERS);
                ownsPollScheduler = true;
            }
            return pollScheduler;
        }
    }

    /** Maps an error response to its exception with this client's vendor error parser. */
    public ErrorMapper errors() {
        return errors;
    }

    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /** The secrets this client holds (key, tokens, client secret), scrubbed from everything it surfaces. */
    public SecretRegistry secrets() {
        return secrets;
    }

    /** Refuses a plain-http URL to a non-loopback host unless the client allows insecure transport. */
    public void requireSecure(HttpUrl url, String field) {
        TransportSecurity.requireSecure(url, settings.allowInsecureHttp(), field);
    }

    /** Response headers naming the vendor's request id, in order. */
    public List<String> requestIdHeaders() {
        return settings.requestIdHeaders();
    }

    /** The module this transport serves. */
    public SdkModule module() {
        return module;
    }

    /** The {@code User-Agent} this transport sends. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * A call for {@code request} with per-call options applied (timeout, retry policy, extra headers, idempotency).
     * Executing it throws the SDK's exceptions for error statuses and I/O failures.
     */
    public Call newCall(Request request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        CallState state = new CallState();
        Call call = client.newCall(request.newBuilder().tag(RequestOptions.class, options)
                .tag(CallState.class, state).tag(SecretRegistry.class, secrets).header("User-Agent", userAgent)
                .build());
        options.timeout().ifPresent(t -> call.timeout().timeout(t.toNanos(), TimeUnit.NANOSECONDS));
        long timeout = call.timeout().timeoutNanos();
        if (timeout > 0) {
            state.deadline(System.nanoTime() + timeout);
        }
        return call;
    }

    /**
     * Sends {@code request} and reads the response with {@code reader}, giving the value with status, headers and
     * request id. Error statuses throw the matching {@link SdkHttpException}; I/O failures a
     * {@link TransportException}.
     */
    public <T> SdkResponse<T> execute(Request request, RequestOptions options, ResponseReader<T> reader) {
        return execute(request, options, reader, call -> { });
    }

    /**
     * Like {@link #execute(Request, RequestOptions, ResponseReader)}, handing the call to {@code onCall} before it
     * starts, so that the caller can cancel it from another thread (an async view's {@code cancel}).
     */
    public <T> SdkResponse<T> execute(Request request, RequestOptions options, ResponseReader<T> reader,
            java.util.function.Consumer<Call> onCall) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(onCall, "onCall");
        Call call = newCall(request, options);
        onCall.accept(call);
        try (Response response = call.execute()) {
            T value = reader.read(response);
            return SdkResponse.of(value, response.code(), response.headers(), settings.requestIdHeaders(),
                    settings.clock());
        } catch (IOException e) {
            // The body broke after the status arrived: the attempts already made are the call's.
            throw Failures.transport(request, e, CallState.of(call.request()).attempts(), null, secrets);
        }
    }

    /** Sends a request to a URL outside the API without credentials and without turning errors into exceptions. */
    public Call newRawCall(Request request, RequestOptions options) {
        ensureOpen();
        Call call = client.newCall(request.newBuilder().tag(RequestOptions.class, options)
                .tag(RawResponse.class, RawResponse.INSTANCE).tag(SecretRegistry.class, secrets).build());
        options.timeout().ifPresent(t -> call.timeout().timeout(t.toNanos(), TimeUnit.NANOSECONDS));
        return call;
    }

    /** Releases the connection pool and dispatcher threads if this transport created them. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (schedulerLock) {
            if (ownsPollScheduler) {
                pollScheduler.close();
            }
        }
        if (!ownsClient) {
            return;
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this " + module.name() + " client is closed");
        }
    }

    static String userAgent(SdkModule module, String applicationName) {
        StringBuilder sb = new StringBuilder();
        sb.append(module.token());
        if (!module.name().equals(SdkModule.CORE.name())) {
            sb.append(' ').append(SdkModule.CORE.token());
        }
        sb.append(" Java/").append(System.getProperty("java.version", "unknown"))
                .append(" (").append(System.getProperty("os.name", "unknown")).append("; ")
                .append(System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT)).append(')');
        if (applicationName != null) {
            sb.append(' ').append(applicationName);
        }
        return sb.toString().replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public String toString() {
        return "Transport{module=" + Redactor.text(module.token()) + ", baseUrl=" + Redactor.url(baseUrl)
                + ", credentials=" + settings.credentials() + ", retryPolicy=" + settings.retryPolicy() + ", proxy="
                + settings.proxy() + ", sharedClient=" + !ownsClient + '}';
    }

    /** Builds a {@link Transport}; base URL and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private final SdkModule module;
        private ErrorBodyParser errorBodyParser = ErrorBodyParser.json();

        private Builder(SdkModule module) {
            this.module = Objects.requireNonNull(module, "module");
        }

        /** How error bodies are read; default {@link ErrorBodyParser#json()}. */
        public Builder errorBodyParser(ErrorBodyParser parser) {
            this.errorBodyParser = Objects.requireNonNull(parser, "errorBodyParser");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Transport build() {
            return buildTransport(module, null, errorBodyParser, List.of("x-request-id", "request-id"));
        }
    }

    private static Duration orDefault(Duration configured, Duration fallback) {
        return configured != null ? configured : fallback;
    }
}
