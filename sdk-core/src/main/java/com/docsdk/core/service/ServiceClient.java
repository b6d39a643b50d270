package com.docsdk.core.service;

import com.docsdk.core.RateLimit;
import com.docsdk.core.Transport;
import java.util.Objects;
import java.util.Optional;

/**
 * What every vendor client has in common: its services share one {@link ServiceContext}; it tells its base URL and
 * the latest rate-limit state; {@link #close()} releases what it created. The generated {@code <Vendor>Services}
 * class extends it, and each vendor's client extends that with its builder and flows.
 */
public abstract class ServiceClient implements AutoCloseable {
    private final ServiceContext context;

    /** A client whose services send through {@code context}. */
    protected ServiceClient(ServiceContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** What the services share: the transport, the vendor's JSON, its query date-time form. */
    protected final ServiceContext serviceContext() {
        return context;
    }

    /** The transport every call goes through (its clock, sleeper and poll scheduler serve the flows). */
    protected final Transport transport() {
        return context.transport();
    }

    /** The base URL requests go to. */
    public String baseUrl() {
        return context.transport().baseUrl().toString();
    }

    /**
     * The rate-limit state ({@code X-RateLimit-*} or {@code RateLimit-*}) of the latest response of this client's
     * services that reported one; empty before the first.
     */
    public Optional<RateLimit> lastRateLimit() {
        return context.lastRateLimit();
    }

    /** Releases the connection pool and threads this client created (a shared {@code OkHttpClient} stays). */
    @Override
    public void close() {
        context.transport().close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + context.transport() + '}';
    }
}
