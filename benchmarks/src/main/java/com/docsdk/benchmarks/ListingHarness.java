package com.docsdk.benchmarks;

import com.docsdk.fileai.FileAiClient;
import com.docsdk.fileai.model.FileInfo;
import com.google.gson.Gson;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lists 100,000 fileAI files (1,000 pages of 100 from a loopback server) lazily through the SDK
 * ({@code client.files().list()}, a {@code PagedIterable}) and with a raw page loop (bare OkHttp, plain Gson into a
 * POJO, {@code page=1, 2, ...} until an empty page), interleaved; prints the time of each (median and range), the
 * ratio and the heap after each walk. Run at {@code -Xmx64m}: 100,000 files held at once would not fit, so finishing
 * shows memory stays flat. Target: at most 1.3x the raw loop.
 *
 * <p>Arguments: {@code [--quick]}. Prints a Markdown section for {@code RESULTS.md}.
 */
public final class ListingHarness {
    private ListingHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Stats.quick(args);
        int files = quick ? 20_000 : 100_000;
        int rounds = quick ? 3 : 7;
        int pageSize = 100;
        try (LoopbackServer server = new LoopbackServer();
                FileAiClient client = FileAiClient.builder().apiKey("benchmark-key").baseUrl(server.baseUrl())
                        .build()) {
            server.filePages(FileAiPages.page(pageSize, files, 0), FileAiPages.page(0, files, 0), files / pageSize);
            OkHttpClient bare = new OkHttpClient();
            Gson gson = new Gson();
            String url = server.baseUrl() + "/prod/v1/files?limit=" + pageSize + "&page=";
            Stats sdk = new Stats();
            Stats raw = new Stats();
            Stats ratio = new Stats();
            Stats sdkCpu = new Stats();
            Stats rawCpu = new Stats();
            Stats cpuRatio = new Stats();
            long peakHeap = 0;
            sdkWalk(client, files);
            rawWalk(bare, gson, url, files);
            String load0 = Stats.load();
            for (int r = 0; r < rounds; r++) {
                double sdkMs = 0;
                double rawMs = 0;
                double sdkCpuMs = 0;
                double rawCpuMs = 0;
                for (int k = 0; k < 2; k++) {
                    resetPeaks();
                    long c0 = Stats.processCpuNanos();
                    long t0 = System.nanoTime();
                    if ((k + r) % 2 == 0) {
                        sdkWalk(client, files);
                        sdkMs = (System.nanoTime() - t0) / 1e6;
                        sdkCpuMs = (Stats.processCpuNanos() - c0) / 1e6;
                        peakHeap = Math.max(peakHeap, peakHeap());
                    } else {
                        rawWalk(bare, gson, url, files);
                        rawMs = (System.nanoTime() - t0) / 1e6;
                        rawCpuMs = (Stats.processCpuNanos() - c0) / 1e6;
                    }
                }
                sdk.add(sdkMs);
                raw.add(rawMs);
                ratio.add(sdkMs / rawMs);
                sdkCpu.add(sdkCpuMs);
                rawCpu.add(rawCpuMs);
                cpuRatio.add(sdkCpuMs / rawCpuMs);
            }
            String load = load0 + "–" + Stats.load();
            long max = Runtime.getRuntime().maxMemory() >> 20;
            System.err.printf(Locale.ROOT, "listing %d: SDK %.0f ms, raw %.0f ms%n", files, sdk.median(),
                    raw.median());
            StringBuilder out = new StringBuilder();
            out.append("## Listing ").append(String.format(Locale.ROOT, "%,d", files))
                    .append(" fileAI files lazily (`ListingHarness`)\n\n")
                    .append(String.format(Locale.ROOT, "%,d pages of %d from the loopback server, at -Xmx%dm. ",
                            files / pageSize, pageSize, max))
                    .append("SDK: `client.files().list()` (`PagedIterable`, generated models, the transport's "
                            + "interceptors). Raw: bare OkHttp and plain Gson into a POJO, page by page until an "
                            + "empty page. ").append(rounds).append(" interleaved rounds; median (range).\n\n")
                    .append("CPU is the process's (client and loopback server), which other load does not inflate.\n\n")
                    .append("| walk | wall ms | ratio | CPU ms | CPU ratio | load |\n"
                            + "| --- | ---: | ---: | ---: | ---: | ---: |\n")
                    .append(String.format(Locale.ROOT, "| SDK `PagedIterable` | %s | %s | %s | %s | %s |%n",
                            sdk.format("%,.0f"), ratio.format("%.2f") + "×", sdkCpu.format("%,.0f"),
                            cpuRatio.format("%.2f") + "×", load))
                    .append(String.format(Locale.ROOT, "| raw page loop | %s | 1 | %s | 1 | %s |%n",
                            raw.format("%,.0f"), rawCpu.format("%,.0f"), load))
                    .append(String.format(Locale.ROOT, "%nPeak heap during an SDK walk: %d MiB of %d MiB (the "
                            + "%,d files read are never held at once).%n", peakHeap >> 20, max, files));
            System.out.print(out);
            bare.dispatcher().executorService().shutdown();
        }
    }

    private static void sdkWalk(FileAiClient client, int expected) {
        long n = 0;
        long h = 0;
        for (FileInfo f : client.files().list()) {
            n++;
            h += f.getFileId().length();
        }
        check(n, expected, h);
    }

    private static void rawWalk(OkHttpClient client, Gson gson, String url, int expected) throws Exception {
        // the loop any caller would write: page after page until an empty one
        long n = 0;
        long h = 0;
        for (int page = 1;; page++) {
            try (Response r = client.newCall(new Request.Builder().url(url + page).build()).execute()) {
                FileAiPages.PlainPage p = gson.fromJson(new InputStreamReader(r.body().byteStream(),
                        StandardCharsets.UTF_8), FileAiPages.PlainPage.class);
                if (p.files.isEmpty()) {
                    break;
                }
                for (FileAiPages.PlainFile f : p.files) {
                    n++;
                    h += f.fileId.length();
                }
            }
        }
        check(n, expected, h);
    }

    private static void check(long n, int expected, long h) {
        if (n != expected || h == 0) {
            throw new IllegalStateException("walked " + n + " files, expected " + expected);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
