package com.docsdk.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * How a simulator sends its callbacks for real: POSTs with vendor-like retries (a non-2xx answer or a failed
 * connection is retried after a doubling backoff, up to {@link #attempts(int)}), optional duplicates of each
 * delivered callback (as vendors do send), one callback after the other on a background thread. Every attempt is
 * recorded ({@link #deliveries()}), so contract tests can assert on what their receiver answered.
 *
 * <pre>{@code
 * fileAi.callbacks().attempts(5).backoff(Duration.ofMillis(10)).duplicates(1).trust(receiverTls);
 * }</pre>
 */
public final class CallbackSender implements AutoCloseable {
    /**
     * One attempt to deliver a callback.
     *
     * @param url where it was sent (tokens as sent: these are test tokens)
     * @param attempt 1 for the first attempt of a callback, 2 for its first retry...
     * @param duplicate true for a duplicate sent after a successful delivery
     * @param status the receiver's status, or -1 when the connection failed
     * @param responseBody the receiver's answer, or the connection error
     * @param body the callback's body
     */
    public record Delivery(String url, int attempt, boolean duplicate, int status, String responseBody, String body) {
        /** True for a 2xx answer. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** The attempt and the answer; not the URL (it carries the receiver's token) nor the bodies. */
        @Override
        public String toString() {
            return "Delivery[attempt=" + attempt + ", duplicate=" + duplicate + ", status=" + status + ", "
                    + body.length() + " chars]";
        }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private int attempts = 1;
    private Duration backoff = Duration.ofMillis(20);
    private int duplicates;
    private Duration timeout = Duration.ofSeconds(30);
    private SSLContext sslContext;
    private HttpClient client;

    CallbackSender(int attempts) {
        this.attempts = attempts;
    }

    /** How many times a callback is tried in all before it is given up (at least 1). */
    public synchronized CallbackSender attempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.attempts = attempts;
        return this;
    }

    /** The wait before the first retry; each further retry waits twice as long (default 20 ms). */
    public synchronized CallbackSender backoff(Duration backoff) {
        this.backoff = backoff;
        return this;
    }

    /** How many extra copies of each delivered callback are sent (default 0). */
    public synchronized CallbackSender duplicates(int duplicates) {
        if (duplicates < 0) {
            throw new IllegalArgumentException("duplicates must not be negative: " + duplicates);
        }
        this.duplicates = duplicates;
        return this;
    }

    /** How long one attempt waits for an answer (default 30 s, fileAI's). */
    public synchronized CallbackSender timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** The TLS context to reach an HTTPS receiver with (one trusting its test certificate). */
    public synchronized CallbackSender trust(SSLContext context) {
        this.sslContext = context;
        this.client = null;
        return this;
    }

    /** Every attempt so far, in order. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until every callback queued so far has been sent (or given up). */
    public void awaitIdle(Duration max) {
        List<Future<?>> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(pending);
        }
        long deadline = System.nanoTime() + max.toNanos();
        for (Future<?> f : waiting) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for callbacks", e);
            } catch (Exception e) {
                throw new IllegalStateException("callbacks still being sent after " + max, e);
            }
        }
    }

    /** Sends in the background, with retries and duplicates. */
    synchronized void send(String url, String contentType, byte[] body) {
        pending.add(thread.submit(() -> deliver(url, contentType, body)));
    }

    /** Sends now, once (plus duplicates on success), and returns the first attempt. */
    Delivery sendNow(String url, String contentType, byte[] body) {
        int copies;
        synchronized (this) {
            copies = duplicates;
        }
        Delivery first = attempt(url, contentType, body, 1, false);
        for (int i = 0; first.delivered() && i < copies; i++) {
            attempt(url, contentType, body, 1, true);
        }
        return first;
    }

    private void deliver(String url, String contentType, byte[] body) {
        int tries;
        long wait;
        int copies;
        synchronized (this) {
            tries = attempts;
            wait = backoff.toMillis();
            copies = duplicates;
        }
        for (int attempt = 1; attempt <= tries; attempt++) {
            if (attempt(url, contentType, body, attempt, false).delivered()) {
                for (int i = 0; i < copies; i++) {
                    attempt(url, contentType, body, 1, true);
                }
                return;
            }
            if (attempt < tries) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait *= 2;
            }
        }
    }

    private Delivery attempt(String url, String contentType, byte[] body, int attempt, boolean duplicate) {
        HttpClient http;
        Duration t;
        synchronized (this) {
            if (client == null) {
                HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout);
                if (sslContext != null) {
                    b.sslContext(sslContext);
                }
                client = b.build();
            }
            http = client;
            t = timeout;
        }
        Delivery d;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(t)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            d = new Delivery(url, attempt, duplicate, r.statusCode(), r.body(), new String(body,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            d = new Delivery(url, attempt, duplicate, -1, e.toString(), new String(body,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            d = new Delivery(url, attempt, duplicate, -1, "interrupted", "");
        }
        synchronized (this) {
            deliveries.add(d);
        }
        return d;
    }

    /** Forgets the recorded deliveries. */
    synchronized void clear() {
        deliveries.clear();
        pending.removeIf(Future::isDone);
    }

    /** Stops the sending thread. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
