package com.docsdk.benchmarks;

import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads a large body (1 GiB; 256 MiB with {@code --quick}) from a loopback server with the SDK's
 * {@link Downloader} (temporary file, SHA-256, progress, atomic move), a bare OkHttp copy loop to a file,
 * {@code curl -o} to the same disk and a raw socket reader that discards the bytes (the wire's limit), interleaved
 * round by round in a rotating order. Prints throughput (median and range), the SDK's ratio to each and the process
 * CPU per GiB (server included) of the SDK and the bare loop. Run with {@code -Xmx64m}. Targets: at least 0.95 of the
 * bare loop and 0.80 of {@code curl -o}, CPU per GiB at most 1.2x the bare loop's.
 *
 * <p>Arguments: {@code [--quick]}. Prints a Markdown section for {@code RESULTS.md}.
 */
public final class DownloadHarness {
    private DownloadHarness() {
    }

    interface Variant {
        long run(String url, Path target) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Stats.quick(args);
        long bytes = quick ? 256L << 20 : 1L << 30;
        int rounds = quick ? 3 : 5;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "docsdk-download-bench");
        try (LoopbackServer server = new LoopbackServer();
                Transport transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl())
                        .credentials(Credentials.apiKey("x-api-key", "benchmark-key")).build()) {
            String url = server.baseUrl() + "/big?bytes=" + bytes;
            OkHttpClient bare = new OkHttpClient();
            Downloader downloader = new Downloader(transport);
            AtomicLong progressCalls = new AtomicLong();
            AtomicLong sdkBytes = new AtomicLong();
            boolean curl = hasCurl();
            List<String> names = new ArrayList<>(List.of("SDK `Downloader` (SHA-256, progress, atomic move)",
                    "bare OkHttp copy loop (64 KiB, `Files.newOutputStream`)", "raw socket reader, bytes discarded"));
            List<Variant> variants = new ArrayList<>(List.of(
                    (u, t) -> {
                        DownloadResult r = downloader.download(DownloadRequest.fromUrl(u).toFile(t)
                                .progress((done, total) -> progressCalls.incrementAndGet()).build());
                        if (r.sha256().length() != 64) {
                            throw new IllegalStateException("no checksum");
                        }
                        sdkBytes.addAndGet(r.bytes());
                        return r.bytes();
                    },
                    (u, t) -> bareCopy(bare, u, t),
                    (u, t) -> rawSocket(u)));
            if (curl) {
                names.add("`curl -s -o` to the same disk");
                variants.add(DownloadHarness::curl);
            }
            int n = variants.size();
            List<Stats> rate = new ArrayList<>();
            List<Stats> ratio = new ArrayList<>();
            Stats sdkCpu = new Stats();
            Stats bareCpu = new Stats();
            Stats cpuRatio = new Stats();
            for (int i = 0; i < n; i++) {
                rate.add(new Stats());
                ratio.add(new Stats());
            }
            for (Variant v : variants) { // warm-up
                run(v, url, dir.resolve("warm.bin"), bytes / 4);
            }
            String load0 = Stats.load();
            for (int r = 0; r < rounds; r++) {
                double[] mib = new double[n];
                double[] cpu = new double[n];
                for (int k = 0; k < n; k++) {
                    int i = (k + r) % n;
                    double[] m = run(variants.get(i), url, dir.resolve("v" + i + ".bin"), bytes);
                    mib[i] = m[0];
                    cpu[i] = m[1];
                }
                for (int i = 0; i < n; i++) {
                    rate.get(i).add(mib[i]);
                    ratio.get(i).add(mib[0] / mib[i]);
                }
                sdkCpu.add(cpu[0]);
                bareCpu.add(cpu[1]);
                cpuRatio.add(cpu[0] / cpu[1]);
                System.err.printf(Locale.ROOT, "download round %d: SDK %.0f, bare %.0f, socket %.0f%s MiB/s%n", r + 1,
                        mib[0], mib[1], mib[2], curl ? String.format(Locale.ROOT, ", curl %.0f", mib[3]) : "");
            }
            String load = load0 + "–" + Stats.load();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "## %s MiB to a file at -Xmx%dm (`DownloadHarness`)%n%n",
                    String.format(Locale.ROOT, "%,d", bytes >> 20), Runtime.getRuntime().maxMemory() >> 20))
                    .append("From the JDK `HttpServer` in the same JVM (it competes for the same cores). ")
                    .append(rounds).append(" interleaved rounds in a rotating order after a warm-up; median "
                            + "(range). The SDK ratio is the SDK's throughput over the row's, per round.\n\n")
                    .append("| client | MiB/s | SDK ratio | load |\n| --- | ---: | ---: | ---: |\n");
            for (int i = 0; i < n; i++) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", names.get(i),
                        rate.get(i).format("%,.0f"), i == 0 ? "1" : ratio.get(i).format("%.2f"), load));
            }
            out.append(String.format(Locale.ROOT, "%nProcess CPU per GiB (client and server): SDK %s s, bare loop %s s,"
                    + " ratio %s×. Progress callbacks: %,d per GiB.%n", sdkCpu.format("%.2f"), bareCpu.format("%.2f"),
                    cpuRatio.format("%.2f"), progressCalls.get() * (1L << 30) / sdkBytes.get()));
            if (!curl) {
                out.append("\n`curl` was not found: no `curl -o` row.\n");
            }
            System.out.print(out);
            bare.dispatcher().executorService().shutdown();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** MiB/s and process CPU seconds per GiB. */
    private static double[] run(Variant v, String baseUrl, Path target, long bytes) throws Exception {
        String url = baseUrl.substring(0, baseUrl.indexOf("bytes=") + 6) + bytes;
        long c0 = Stats.processCpuNanos();
        long t0 = System.nanoTime();
        long got = v.run(url, target);
        long t = System.nanoTime() - t0;
        long c = Stats.processCpuNanos() - c0;
        Files.deleteIfExists(target);
        if (got != bytes) {
            throw new IllegalStateException("short download: " + got + " of " + bytes);
        }
        return new double[] {(bytes / (1024.0 * 1024.0)) / (t / 1e9), (c / 1e9) * (1L << 30) / bytes};
    }

    private static long bareCopy(OkHttpClient client, String url, Path target) throws Exception {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute();
                InputStream in = response.body().byteStream();
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }

    /** HTTP/1.0 GET on a plain socket; counts the body's bytes and throws them away. */
    private static long rawSocket(String url) throws Exception {
        URI u = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()));
            s.getOutputStream().write(("GET " + u.getRawPath() + "?" + u.getRawQuery() + " HTTP/1.0\r\nHost: "
                    + u.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            long headerEnd = -1;
            int state = 0; // how much of "\r\n\r\n" was just seen
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (headerEnd < 0) {
                    for (int i = 0; i < n && headerEnd < 0; i++) {
                        byte b = buffer[i];
                        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                                ? state + 1 : (b == '\r' ? 1 : 0);
                        if (state == 4) {
                            headerEnd = total + i + 1;
                        }
                    }
                }
                total += n;
            }
            return total - headerEnd;
        }
    }

    private static long curl(String url, Path target) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "-o", target.toString(), url).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("curl failed");
        }
        return Files.size(target);
    }

    private static boolean hasCurl() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
