package com.docsdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP server on loopback (the JDK's own, not WireMock: WireMock is too slow to measure a client against).
 * {@code /small} answers a short JSON body; {@code /big?bytes=N} streams N bytes; {@code /jobs/<id>} answers
 * {@code in_progress} until the job's finish time, then {@code available}; {@code /prod/v1/files?page=N} answers
 * fileAI list pages ({@link #filePages}).
 */
final class LoopbackServer implements AutoCloseable {
    static final byte[] SMALL = "{\"id\":\"f-1\",\"status\":\"completed\",\"name\":\"invoice.pdf\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHUNK = new byte[64 * 1024];

    static {
        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm and delayed ACKs
        // add 40 ms to every small response, and the benchmark would measure that instead of the client.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        for (int i = 0; i < CHUNK.length; i++) {
            CHUNK[i] = (byte) (i * 31 + 7);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Long> jobFinishNanos = new ConcurrentHashMap<>();
    private volatile byte[] fullPage;
    private volatile int[] idDigits;
    private volatile byte[] emptyPage;
    private volatile int pages;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext("/small", this::small);
        server.createContext("/big", this::big);
        server.createContext("/jobs/", this::job);
        server.createContext("/prod/v1/files", this::filePage);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a job that turns final at {@code finishNanos} ({@link System#nanoTime()} clock). */
    void job(String id, long finishNanos) {
        jobFinishNanos.put(id, finishNanos);
    }

    /**
     * Serves {@code /prod/v1/files?page=N}: {@code full} with the file ids of page N for pages 1 to {@code pages}
     * (each page holds other files), then {@code empty}.
     */
    void filePages(byte[] full, byte[] empty, int pages) {
        this.fullPage = full;
        this.idDigits = FileAiPages.idDigits(full);
        this.emptyPage = empty;
        this.pages = pages;
    }

    private void filePage(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        int page = 1;
        for (String kv : query == null ? new String[0] : query.split("&")) {
            if (kv.startsWith("page=")) {
                page = Integer.parseInt(kv.substring(5));
            }
        }
        byte[] body = page <= pages ? FileAiPages.pageOf(fullPage, idDigits, page) : emptyPage;
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void small(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, SMALL.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(SMALL);
        }
    }

    private void big(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        long bytes = Long.parseLong(query.substring(query.indexOf('=') + 1));
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes);
        try (OutputStream out = ex.getResponseBody()) {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(CHUNK.length, left);
                out.write(CHUNK, 0, n);
                left -= n;
            }
        }
    }

    private void job(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/jobs/".length());
        Long finish = jobFinishNanos.get(id);
        String status = finish != null && System.nanoTime() >= finish ? "available" : "in_progress";
        byte[] body = ("{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
