package com.docsdk.benchmarks;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One small GET through the SDK's transport (user agent, error mapping, retry, token/auth interceptors, logging at
 * its default level) against the same GET on a bare {@link OkHttpClient}, both to a loopback server.
 * Target: the SDK adds at most 10%.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class TransportOverheadBenchmark {
    private LoopbackServer server;
    private OkHttpClient bare;
    private Transport transport;
    private Request request;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = new LoopbackServer();
        bare = new OkHttpClient();
        transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl())
                .credentials(Credentials.apiKey("x-api-key", "benchmark-key")).build();
        request = new Request.Builder().url(server.baseUrl() + "/small").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        transport.close();
        bare.dispatcher().executorService().shutdown();
        bare.connectionPool().evictAll();
        server.close();
    }

    @Benchmark
    public String bareOkHttp() throws IOException {
        try (Response r = bare.newCall(request).execute()) {
            return r.body().string();
        }
    }

    @Benchmark
    public String sdkTransport() {
        return transport.execute(request, RequestOptions.none(), ResponseReader.string()).value();
    }
}
