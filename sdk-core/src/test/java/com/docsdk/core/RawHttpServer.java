package com.docsdk.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tiny HTTP/1.1 server on a raw loopback socket, for faults WireMock cannot make reliably: read a request whole,
 * then reset the (possibly pooled) connection, or close it without answering. It records every request it read to
 * the end, so a test can count what really reached the server. Shared with the vendor modules' tests through
 * sdk-core's test jar.
 *
 * <pre>{@code
 * try (RawHttpServer server = RawHttpServer.start(r -> r.indexOnConnection() == 0
 *         ? RawHttpServer.Reply.json(200, "{}") : RawHttpServer.Reply.reset())) {
 *     ... server.baseUrl() ...
 *     assertEquals(1, server.count("POST", "/v1/things"));
 * }
 * }</pre>
 */
public final class RawHttpServer implements AutoCloseable {
    /** Decides how to answer a request the server has read whole. Called on the connection's thread. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Received request);
    }

    /**
     * A request read to the end of its body.
     *
     * @param method the request method
     * @param target the request target as sent (path and query)
     * @param headers header names in lower case; the last value wins
     * @param body the body bytes (de-chunked)
     * @param connection the number of the connection it came on, from 0
     * @param indexOnConnection how many requests came on that connection before it (0: a fresh connection)
     */
    public record Received(String method, String target, Map<String, String> headers, byte[] body, int connection,
            int indexOnConnection) {
        /** The target without its query string. */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** True when it came on a connection that had carried a request before (a pooled connection). */
        public boolean onReusedConnection() {
            return indexOnConnection > 0;
        }
    }

    /** What the server does with a request: answer it, reset the connection, or close it without a word. */
    public static final class Reply {
        private enum Kind { RESPOND, RESET, CLOSE }

        private final Kind kind;
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;
        /** How many body bytes are sent before the connection is closed; -1 for the whole body. */
        private final int cutAfter;

        private Reply(Kind kind, int status, Map<String, String> headers, byte[] body) {
            this(kind, status, headers, body, -1);
        }

        private Reply(Kind kind, int status, Map<String, String> headers, byte[] body, int cutAfter) {
            this.kind = kind;
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.cutAfter = cutAfter;
        }

        /** An answer with this status and body; the connection stays open for the next request. */
        public static Reply status(int status, String contentType, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return new Reply(Kind.RESPOND, status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        /** An answer with these body bytes (a download, a range of one). */
        public static Reply bytes(int status, String contentType, byte[] body) {
            return status(status, contentType, "").body(body);
        }

        /** A JSON answer. */
        public static Reply json(int status, String json) {
            return status(status, "application/json", json);
        }

        /** Sends a TCP reset (SO_LINGER 0) instead of an answer: "connection reset" on the client. */
        public static Reply reset() {
            return new Reply(Kind.RESET, 0, Map.of(), new byte[0]);
        }

        /** Closes the connection without answering: an empty reply, "unexpected end of stream" on the client. */
        public static Reply emptyReply() {
            return new Reply(Kind.CLOSE, 0, Map.of(), new byte[0]);
        }

        /** This answer with one more header. */
        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(kind, status, h, body, cutAfter);
        }

        /** This answer with another body. */
        public Reply body(byte[] body) {
            return new Reply(kind, status, headers, body.clone(), cutAfter);
        }

        /**
         * This answer broken mid-body: the head announces the whole body's {@code Content-Length}, then only the first
         * {@code bytes} bytes are sent and the connection is closed ("unexpected end of stream" on the client).
         */
        public Reply cutAfter(int bytes) {
            if (bytes < 0 || bytes >= body.length) {
                throw new IllegalArgumentException("cut inside the body: 0 <= bytes < " + body.length);
            }
            return new Reply(kind, status, headers, body, bytes);
        }
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private RawHttpServer(Handler handler) throws IOException {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-http-accept-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts a server on a free loopback port. */
    public static RawHttpServer start(Handler handler) {
        try {
            return new RawHttpServer(handler);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the raw HTTP server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** {@link #baseUrl()} plus {@code path}. */
    public String url(String path) {
        return baseUrl() + path;
    }

    /** Every request read whole so far, in order of arrival. */
    public List<Received> requests() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** How many requests with this method and path (query ignored) reached the server. */
    public int count(String method, String path) {
        return count(r -> r.method().equals(method) && r.path().equals(path));
    }

    public int count(Predicate<Received> which) {
        return (int) received.stream().filter(which).count();
    }

    /** How many connections were accepted. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            int number = connections.getAndIncrement();
            Thread t = new Thread(() -> serve(socket, number), "raw-http-conn-" + number);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int index = 0; !closed; index++) {
                Received request = read(in, connection, index);
                if (request == null) {
                    return; // the client closed the connection
                }
                received.add(request);
                Reply reply = handler.handle(request);
                switch (reply.kind) {
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case CLOSE -> {
                        return;
                    }
                    default -> {
                        write(out, reply);
                        if (reply.cutAfter >= 0) {
                            return; // closing the socket ends the body early
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the test's handler failed: the connection ends
        }
    }

    private static Received read(InputStream in, int connection, int index) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
            if (body.length < length) {
                return null;
            }
        }
        return new Received(parts[0], parts[1], Collections.unmodifiableMap(headers), body, connection, index);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("truncated chunked body");
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    /** A CRLF-terminated line in ISO-8859-1, without the terminator; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(reply.status).append(' ').append(reason(reply.status)).append("\r\n");
        reply.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(reply.body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body, 0, reply.cutAfter >= 0 ? reply.cutAfter : reply.body.length);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
