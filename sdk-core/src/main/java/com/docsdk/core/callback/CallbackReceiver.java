package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded callback receiver on the JDK's HTTP server ({@code com.sun.net.httpserver}; no dependency), for
 * scripts and the CLI: every POST goes to a {@link CallbackDispatcher}.
 *
 * <pre>{@code
 * try (CallbackReceiver receiver = CallbackReceiver.builder(dispatcher)
 *         .bind(new InetSocketAddress(8443))
 *         .tls(Path.of("receiver.p12"), password)          // HTTPS: fileAI and WebAdMIT's PDF Manager require it
 *         .start()) {
 *     ... // until shutdown
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A body over {@link Builder#maxBodyBytes} is answered 413 without being read further (a declared
 *       {@code Content-Length} is refused before any byte is read).</li>
 *   <li>At most {@link Builder#threads} requests run at once and {@link Builder#queue} more wait; beyond that the
 *       connection is dropped (the vendor retries).</li>
 *   <li>{@link #close()} stops taking requests at once (those arriving are answered 503, so the vendor retries),
 *       lets requests in flight finish for up to {@link Builder#shutdownGrace}, closes the port, then closes the
 *       dispatcher (which finishes its background work).</li>
 *   <li>Timeouts: the JDK server drops connections idle for {@code sun.net.httpserver.idleInterval} (30 s) and, when
 *       the system property {@code sun.net.httpserver.maxReqTime} (seconds) is set before the first server starts,
 *       requests that take longer to arrive.</li>
 * </ul>
 */
public final class CallbackReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.callback");

    private final CallbackDispatcher dispatcher;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final long maxBodyBytes;
    private final Duration shutdownGrace;
    private final boolean https;
    private volatile boolean closed;
    private final Object idle = new Object();
    private int active;

    private CallbackReceiver(Builder b) throws IOException {
        this.dispatcher = b.dispatcher;
        this.maxBodyBytes = b.maxBodyBytes;
        this.shutdownGrace = b.shutdownGrace;
        this.https = b.sslContext != null;
        if (https) {
            HttpsServer s = HttpsServer.create(b.address, b.backlog);
            s.setHttpsConfigurator(new HttpsConfigurator(b.sslContext));
            this.server = s;
        } else {
            this.server = HttpServer.create(b.address, b.backlog);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(b.queue), r -> {
                    Thread t = new Thread(r, "docsdk-receiver-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(command -> {
            try {
                executor.execute(command);
            } catch (RejectedExecutionException e) {
                LOG.warn("callback receiver busy: connection dropped");
                throw e;
            }
        });
        server.createContext("/", this::exchange);
    }

    /** A receiver builder for {@code dispatcher}. */
    public static Builder builder(CallbackDispatcher dispatcher) {
        return new Builder(dispatcher);
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http(s)://host:port}, the loopback name when bound to loopback or any address. */
    public String baseUrl() {
        InetSocketAddress a = server.getAddress();
        InetAddress address = a.getAddress();
        String host = address.isAnyLocalAddress() || address.isLoopbackAddress() ? "127.0.0.1"
                : address.getHostAddress();
        return (https ? "https" : "http") + "://" + host + ":" + a.getPort();
    }

    /** True until {@link #close()}. */
    public boolean isRunning() {
        return !closed;
    }

    /** Stops accepting, finishes requests in flight (bounded by the grace period), then closes the dispatcher. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The JDK 17 server's stop(delay) waits the whole delay even when idle, so in-flight requests are counted
        // here: new ones are answered 503 while those in flight finish, then the server stops at once.
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        synchronized (idle) {
            try {
                while (active > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("{} callback request(s) still in flight after {}; stopping anyway", active,
                                shutdownGrace);
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        dispatcher.close();
    }

    @Override
    public String toString() {
        return "CallbackReceiver[" + baseUrl() + (closed ? ", closed" : "") + "]";
    }

    private void exchange(HttpExchange exchange) throws IOException {
        synchronized (idle) {
            if (closed) {
                try (exchange) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    exchange.sendResponseHeaders(503, -1);
                }
                return;
            }
            active++;
        }
        try {
            serve(exchange);
        } finally {
            synchronized (idle) {
                active--;
                idle.notifyAll();
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            CallbackResponse response;
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            Long declared = parseLength(length);
            if (declared != null && declared > maxBodyBytes) {
                response = new CallbackResponse(413, "body over " + maxBodyBytes + " bytes");
            } else {
                byte[] body = readAtMost(exchange.getRequestBody(), maxBodyBytes);
                if (body == null) {
                    response = new CallbackResponse(413, "body over " + maxBodyBytes + " bytes");
                } else {
                    String target = exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery());
                    response = dispatch(CallbackRequest.of(exchange.getRequestMethod(), target,
                            exchange.getRequestHeaders(), body));
                }
            }
            byte[] bytes = response.bodyBytes();
            exchange.getResponseHeaders().set("Content-Type", CallbackResponse.CONTENT_TYPE);
            if (response.status() == 413) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private CallbackResponse dispatch(CallbackRequest request) {
        try {
            return dispatcher.dispatch(request);
        } catch (RuntimeException e) {
            LOG.error("callback dispatcher failed on {}: {}", request, e.getClass().getName());
            return new CallbackResponse(500, "the receiver failed");
        }
    }

    private static Long parseLength(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The whole stream, or null when it holds more than {@code max} bytes. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Builds and starts a {@link CallbackReceiver}. */
    public static final class Builder {
        private final CallbackDispatcher dispatcher;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private SSLContext sslContext;
        private long maxBodyBytes = 1L << 20;
        private int threads = 4;
        private int queue = 100;
        private int backlog = 50;
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder(CallbackDispatcher dispatcher) {
            this.dispatcher = ClientValidationException.requireNonNull("dispatcher", dispatcher);
        }

        /** Where to listen (default: loopback, a free port). */
        public Builder bind(InetSocketAddress address) {
            this.address = ClientValidationException.requireNonNull("address", address);
            return this;
        }

        /** Serves HTTPS with the key and certificate of a PKCS#12 (or JKS) key store. */
        public Builder tls(Path keyStore, char[] password) {
            ClientValidationException.requireNonNull("keyStore", keyStore);
            ClientValidationException.requireNonNull("password", password);
            ClientValidationException.require(Files.isReadable(keyStore), "keyStore", "not readable: " + keyStore);
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(in, password);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                this.sslContext = context;
            } catch (IOException | GeneralSecurityException e) {
                throw new ClientValidationException("keyStore", "cannot be loaded (" + e.getClass().getSimpleName()
                        + "): " + keyStore);
            }
            return this;
        }

        /** Serves HTTPS with {@code context}. */
        public Builder tls(SSLContext context) {
            this.sslContext = ClientValidationException.requireNonNull("context", context);
            return this;
        }

        /** Largest body accepted (default 1 MiB); larger ones are answered 413. */
        public Builder maxBodyBytes(long bytes) {
            ClientValidationException.require(bytes > 0, "maxBodyBytes", "must be positive, got " + bytes);
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Requests handled at once (default 4). */
        public Builder threads(int threads) {
            ClientValidationException.require(threads > 0, "threads", "must be positive, got " + threads);
            this.threads = threads;
            return this;
        }

        /** Requests waiting for a thread (default 100). */
        public Builder queue(int queue) {
            ClientValidationException.require(queue > 0, "queue", "must be positive, got " + queue);
            this.queue = queue;
            return this;
        }

        /** How long {@link CallbackReceiver#close()} lets requests in flight finish (default 10 s). */
        public Builder shutdownGrace(Duration grace) {
            ClientValidationException.requireNonNull("shutdownGrace", grace);
            ClientValidationException.require(!grace.isNegative(), "shutdownGrace", "must not be negative");
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Binds and starts the receiver.
         *
         * @throws SdkException when the address cannot be bound
         */
        public CallbackReceiver start() {
            try {
                CallbackReceiver receiver = new CallbackReceiver(this);
                receiver.server.start();
                return receiver;
            } catch (IOException e) {
                throw new SdkException("cannot listen on " + address + ": " + e.getMessage(), e);
            }
        }
    }
}
