package com.docsdk.benchmarks;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads a large body (default 1 GiB) from a loopback server to a file with the SDK's {@link Downloader} and with a
 * bare OkHttp copy loop, alternating, and prints the throughput of each. Run with {@code -Xmx64m}: the download must
 * succeed (memory independent of size) at no less than 90% of the bare loop's throughput.
 *
 * <p>Arguments: {@code [bytes] [rounds]}.
 */
public final class DownloadHarness {
    private DownloadHarness() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("docsdk-download-bench");
        try (LoopbackServer server = new LoopbackServer();
                Transport transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl())
                        .credentials(Credentials.apiKey("x-api-key", "benchmark-key")).build()) {
            String url = server.baseUrl() + "/big?bytes=" + bytes;
            OkHttpClient bare = new OkHttpClient();
            Downloader downloader = new Downloader(transport);
            double bareBest = 0;
            double sdkBest = 0;
            for (int round = 0; round <= rounds; round++) {
                Path a = dir.resolve("bare.bin");
                long t0 = System.nanoTime();
                long copied = bareCopy(bare, url, a);
                double bareRate = rate(copied, System.nanoTime() - t0);
                Files.deleteIfExists(a);

                Path b = dir.resolve("sdk.bin");
                long t1 = System.nanoTime();
                DownloadResult r = downloader.download(DownloadRequest.fromUrl(url).toFile(b).build());
                double sdkRate = rate(r.bytes(), System.nanoTime() - t1);
                Files.deleteIfExists(b);
                if (copied != bytes || r.bytes() != bytes) {
                    throw new IllegalStateException("short download: " + copied + " / " + r.bytes());
                }
                String label = round == 0 ? "warm-up" : "round " + round;
                System.out.printf(Locale.ROOT, "%-8s bare OkHttp %7.1f MiB/s   SDK Downloader (+SHA-256, atomic) %7.1f"
                        + " MiB/s   ratio %5.1f%%%n", label, bareRate, sdkRate, 100 * sdkRate / bareRate);
                if (round > 0) {
                    bareBest = Math.max(bareBest, bareRate);
                    sdkBest = Math.max(sdkBest, sdkRate);
                }
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "best: bare %.1f MiB/s, SDK %.1f MiB/s, ratio %.1f%% (max heap %d MiB)%n",
                    bareBest, sdkBest, 100 * sdkBest / bareBest, rt.maxMemory() >> 20);
            bare.dispatcher().executorService().shutdown();
        } finally {
            Files.deleteIfExists(dir);
        }
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

    private static double rate(long bytes, long nanos) {
        return (bytes / (1024.0 * 1024.0)) / (nanos / 1e9);
    }
}
