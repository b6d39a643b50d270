package com.docsdk.core.service;

import com.docsdk.core.QueryDateTime;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.google.gson.Gson;
import java.io.File;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What every generated service of a client shares: the {@link Transport}, the vendor's Gson (its models' adapters),
 * the form the vendor documents for date-times in query strings, how response bodies are read, and the executor of
 * the {@code async()} views. Built once per client by its facade.
 */
public final class ServiceContext {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final ThreadLocal<AsyncCall<?>> CURRENT = new ThreadLocal<>();

    /** Reads a response body into the operation's declared type; a vendor may plug in its envelope handling. */
    @FunctionalInterface
    public interface ReaderFactory {
        /** The reader for a response of {@code request} declared as {@code type} in the spec. */
        ResponseReader<?> reader(ApiRequest request, Type type, Gson gson);
    }

    private final Transport transport;
    private final Gson gson;
    private final QueryDateTime queryDateTime;
    private final ReaderFactory readers;
    private final Executor executor;
    private final java.util.concurrent.atomic.AtomicReference<com.docsdk.core.RateLimit> lastRateLimit =
            new java.util.concurrent.atomic.AtomicReference<>();

    private ServiceContext(Builder b) {
        this.transport = b.transport;
        this.gson = b.gson;
        this.queryDateTime = b.queryDateTime;
        this.readers = b.readers;
        this.executor = b.executor != null ? b.executor
                : transport.okHttpClient().dispatcher().executorService();
    }

    /** A context sending through {@code transport}, reading and writing JSON with {@code gson}. */
    public static Builder builder(Transport transport, Gson gson) {
        return new Builder(transport, gson);
    }

    public Transport transport() {
        return transport;
    }

    /** The Gson of the vendor's generated models. */
    public Gson gson() {
        return gson;
    }

    /** The default reader: nothing for {@code Void}, text for {@code String}, bytes for {@code byte[]}, else JSON. */
    public static ResponseReader<?> defaultReader(Type type, Gson gson) {
        if (type == Void.class || type == void.class) {
            return ResponseReader.discard();
        }
        if (type == String.class) {
            return ResponseReader.string();
        }
        if (type == byte[].class) {
            return response -> response.body().bytes();
        }
        return ResponseReader.json(gson, type);
    }

    /** Sends {@code request} with {@code options} and reads the body as {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> SdkResponse<T> execute(ApiRequest request, RequestOptions options, Type type) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        Request http = toHttpRequest(request);
        RequestOptions effective = request.idempotent == null ? options
                : options.withDefaultIdempotent(request.idempotent);
        ResponseReader<T> reader = (ResponseReader<T>) readers.reader(request, type, gson);
        AsyncCall<?> async = CURRENT.get();
        SdkResponse<T> response = transport.execute(http, effective, reader,
                async == null ? call -> { } : async::register);
        response.rateLimit().ifPresent(lastRateLimit::set);
        return response;
    }

    /** The rate-limit state of the latest response that reported one; empty before the first. */
    public java.util.Optional<com.docsdk.core.RateLimit> lastRateLimit() {
        return java.util.Optional.ofNullable(lastRateLimit.get());
    }

    /**
     * Runs {@code call} on the client's executor. Cancelling the future cancels the HTTP exchange in flight and
     * everything the call would still send.
     */
    public <T> CompletableFuture<T> async(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        AsyncCall<T> future = new AsyncCall<>();
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                CURRENT.set(future);
                try {
                    future.complete(call.get());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    CURRENT.remove();
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new com.docsdk.core.error.SdkException("the client is closed", e));
        }
        return future;
    }

    /** The HTTP request {@code request} becomes (without the transport's credentials and per-call settings). */
    public Request toHttpRequest(ApiRequest request) {
        HttpUrl.Builder url = transport.baseUrl().newBuilder();
        for (String segment : request.path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.indexOf('{') < 0) {
                url.addEncodedPathSegment(segment);
            } else {
                url.addPathSegment(expand(segment, request.pathParams));
            }
        }
        for (ApiRequest.Field q : request.query) {
            Object value = q.value();
            if (value instanceof Collection && q.delimiter() == null) {
                for (Object item : (Collection<?>) value) {
                    if (item != null) {
                        url.addQueryParameter(q.name(), text(item));
                    }
                }
            } else {
                url.addQueryParameter(q.name(), text(value, q.delimiter()));
            }
        }
        Request.Builder http = new Request.Builder().url(url.build());
        for (ApiRequest.Field h : request.headers) {
            http.header(h.name(), text(h.value(), h.delimiter()));
        }
        http.method(request.method, body(request));
        return http.build();
    }

    private RequestBody body(ApiRequest request) {
        switch (request.bodyKind) {
            case JSON:
                return RequestBody.create(gson.toJson(request.body), JSON);
            case FORM: {
                FormBody.Builder form = new FormBody.Builder();
                for (ApiRequest.Field f : request.fields) {
                    form.add(f.name(), text(f.value(), ","));
                }
                return form.build();
            }
            case MULTIPART: {
                MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
                for (ApiRequest.Field f : request.fields) {
                    Object v = f.value();
                    if (v instanceof File) {
                        v = ((File) v).toPath();
                    }
                    if (v instanceof Path) {
                        Path p = (Path) v;
                        multipart.addFormDataPart(f.name(), String.valueOf(p.getFileName()),
                                RequestBody.create(p.toFile(), OCTETS));
                    } else if (v instanceof byte[]) {
                        multipart.addFormDataPart(f.name(), f.name(), RequestBody.create((byte[]) v, OCTETS));
                    } else {
                        multipart.addFormDataPart(f.name(), text(v, ","));
                    }
                }
                return multipart.build();
            }
            default:
                return permitsBody(request.method) ? RequestBody.create(new byte[0], null) : null;
        }
    }

    private static boolean permitsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private String expand(String segment, List<ApiRequest.Field> values) {
        String out = segment;
        for (ApiRequest.Field f : values) {
            out = out.replace("{" + f.name() + "}", text(f.value()));
        }
        return out;
    }

    private String text(Object value, String delimiter) {
        if (value instanceof Collection) {
            StringJoiner j = new StringJoiner(delimiter == null ? "," : delimiter);
            for (Object item : (Collection<?>) value) {
                if (item != null) {
                    j.add(text(item));
                }
            }
            return j.toString();
        }
        return text(value);
    }

    /** A value as the vendor expects it in a URL: date-times in its documented form, enums as their wire value. */
    public String text(Object value) {
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
            Instant instant = value instanceof Instant ? (Instant) value
                    : value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant()
                    : ((ZonedDateTime) value).toInstant();
            return queryDateTime != null ? queryDateTime.format(instant)
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "ServiceContext{" + transport + '}';
    }

    /** The future of an {@code async()} call: cancelling it cancels the HTTP calls it made. */
    private static final class AsyncCall<T> extends CompletableFuture<T> {
        private final List<Call> calls = new CopyOnWriteArrayList<>();

        void register(Call call) {
            calls.add(call);
            if (isCancelled()) {
                call.cancel();
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            calls.forEach(Call::cancel);
            return cancelled;
        }

        @Override
        public boolean completeExceptionally(Throwable ex) {
            return super.completeExceptionally(isCancelled() ? new CancellationException() : ex);
        }
    }

    /** Builds a {@link ServiceContext}. */
    public static final class Builder {
        private final Transport transport;
        private final Gson gson;
        private QueryDateTime queryDateTime;
        private ReaderFactory readers = (request, type, g) -> defaultReader(type, g);
        private Executor executor;

        private Builder(Transport transport, Gson gson) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.gson = Objects.requireNonNull(gson, "gson");
        }

        /**
         * The vendor's date-time form in query strings, a {@link DateTimeFormatter} pattern rendered in UTC; blank or
         * {@code null}: ISO 8601 with offset, in UTC.
         */
        public Builder queryDateTimeFormat(String pattern) {
            this.queryDateTime = pattern == null || pattern.isBlank() ? null : QueryDateTime.ofPattern(pattern);
            return this;
        }

        /** How response bodies are read (a vendor's envelope, warnings). */
        public Builder readers(ReaderFactory readers) {
            this.readers = Objects.requireNonNull(readers, "readers");
            return this;
        }

        /** The executor of the {@code async()} views; by default the transport's HTTP dispatcher threads. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public ServiceContext build() {
            return new ServiceContext(this);
        }
    }
}
