package com.docsdk.benchmarks;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.auth.Credentials;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One small GET through the SDK's {@code Transport} (all interceptors) vs the same GET on a bare {@code OkHttpClient},
 * to a loopback server, in interleaved rounds of a few thousand calls each (the JMH
 * {@link TransportOverheadBenchmark} measures the same, but one after the other). Target: at most 1.05x.
 *
 * <p>Arguments: {@code [--quick]}. Prints a Markdown section for {@code RESULTS.md}.
 */
public final class SmallGetHarness {
    static volatile long sink;

    private SmallGetHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Stats.quick(args);
        int rounds = quick ? 5 : 11;
        int calls = quick ? 1_000 : 3_000;
        try (LoopbackServer server = new LoopbackServer();
                Transport transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl())
                        .credentials(Credentials.apiKey("x-api-key", "benchmark-key")).build()) {
            OkHttpClient bare = new OkHttpClient();
            Request request = new Request.Builder().url(server.baseUrl() + "/small").build();
            for (int w = 0; w < 3; w++) {
                bare(bare, request, calls);
                sdk(transport, request, calls);
            }
            Stats sdk = new Stats();
            Stats raw = new Stats();
            Stats ratio = new Stats();
            Stats sdkCpu = new Stats();
            Stats rawCpu = new Stats();
            Stats cpuRatio = new Stats();
            String load0 = Stats.load();
            for (int r = 0; r < rounds; r++) {
                double[] s = null;
                double[] b = null;
                for (int k = 0; k < 2; k++) {
                    if ((k + r) % 2 == 0) {
                        s = sdk(transport, request, calls);
                    } else {
                        b = bare(bare, request, calls);
                    }
                }
                sdk.add(s[0]);
                raw.add(b[0]);
                ratio.add(s[0] / b[0]);
                sdkCpu.add(s[1]);
                rawCpu.add(b[1]);
                cpuRatio.add(s[1] / b[1]);
            }
            String load = load0 + "–" + Stats.load();
            System.err.printf(Locale.ROOT, "small GET: SDK %.1f µs, bare %.1f µs%n", sdk.median(), raw.median());
            System.out.print("## One small GET (`SmallGetHarness`)\n\n"
                    + String.format(Locale.ROOT, "%d interleaved rounds of %,d GETs of a 57-byte JSON body on one "
                            + "kept-alive loopback connection; median (range) per GET.%n%n", rounds, calls)
                    + "CPU is the process's (client and loopback server) per GET, which other load does not "
                    + "inflate.\n\n"
                    + "| client | µs per GET | ratio | CPU µs per GET | CPU ratio | load |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: |\n"
                    + String.format(Locale.ROOT,
                            "| SDK `Transport` (API key, all interceptors) | %s | %s | %s | %s | %s |%n",
                            sdk.format("%.1f"), ratio.format("%.3f") + "×", sdkCpu.format("%.1f"),
                            cpuRatio.format("%.3f") + "×", load)
                    + String.format(Locale.ROOT, "| bare `OkHttpClient` | %s | 1 | %s | 1 | %s |%n",
                            raw.format("%.1f"), rawCpu.format("%.1f"), load));
            bare.dispatcher().executorService().shutdown();
        }
    }

    /** Wall-clock and process-CPU µs per GET. */
    private static double[] bare(OkHttpClient client, Request request, int calls) throws Exception {
        long c0 = Stats.processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            try (Response r = client.newCall(request).execute()) {
                sink += r.body().string().length();
            }
        }
        return new double[] {(System.nanoTime() - t0) / 1e3 / calls, (Stats.processCpuNanos() - c0) / 1e3 / calls};
    }

    private static double[] sdk(Transport transport, Request request, int calls) {
        long c0 = Stats.processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += transport.execute(request, RequestOptions.none(), ResponseReader.string()).value().length();
        }
        return new double[] {(System.nanoTime() - t0) / 1e3 / calls, (Stats.processCpuNanos() - c0) / 1e3 / calls};
    }
}
