package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Which timeouts, proxy and retry switch the transport's HTTP client ends up with, own or derived from a shared one. */
class TransportSettingsTest {

    @Test
    void anOwnClientHasTheSdksDefaultsOrTheBuildersTimeouts() {
        try (Transport t = TestHttp.transport("https://api.example.com", Credentials.none()).build()) {
            OkHttpClient c = t.okHttpClient();
            assertEquals(10_000, c.connectTimeoutMillis());
            assertEquals(60_000, c.readTimeoutMillis());
            assertEquals(60_000, c.writeTimeoutMillis());
            assertEquals(0, c.callTimeoutMillis());
            assertFalse(c.retryOnConnectionFailure(), "every re-send is the retry policy's decision");
            assertNull(c.proxy());
        }
        try (Transport t = TestHttp.transport("https://api.example.com", Credentials.none())
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(4))
                .proxy(ProxyConfig.of("proxy.corp", 3128)).build()) {
            OkHttpClient c = t.okHttpClient();
            assertEquals(1_000, c.connectTimeoutMillis());
            assertEquals(2_000, c.readTimeoutMillis());
            assertEquals(3_000, c.writeTimeoutMillis());
            assertEquals(4_000, c.callTimeoutMillis());
            assertNotNull(c.proxy());
            assertTrue(t.toString().contains("proxy=ProxyConfig{proxy.corp:3128}"), t.toString());
        }
    }

    @Test
    void aSharedClientKeepsItsOwnTimeoutsUnlessTheBuilderSetsThem() {
        OkHttpClient shared = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(6, TimeUnit.SECONDS).writeTimeout(7, TimeUnit.SECONDS).retryOnConnectionFailure(true)
                .build();
        try (Transport t = TestHttp.transport("https://api.example.com", Credentials.none()).okHttpClient(shared)
                .build()) {
            OkHttpClient c = t.okHttpClient();
            assertEquals(5_000, c.connectTimeoutMillis());
            assertEquals(6_000, c.readTimeoutMillis());
            assertEquals(7_000, c.writeTimeoutMillis());
            assertFalse(c.retryOnConnectionFailure(), "a shared client's silent retries are switched off too");
        }
        try (Transport t = TestHttp.transport("https://api.example.com", Credentials.none()).okHttpClient(shared)
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3)).build()) {
            OkHttpClient c = t.okHttpClient();
            assertEquals(1_000, c.connectTimeoutMillis());
            assertEquals(2_000, c.readTimeoutMillis());
            assertEquals(3_000, c.writeTimeoutMillis());
        }
    }

    @Test
    void aVendorModulesUserAgentNamesTheCoreToo() {
        SdkModule vendor = SdkModule.load(TransportSettingsTest.class, "docsdk-example");
        try (Transport t = Transport.builder(vendor).baseUrl("https://api.example.com").credentials(Credentials.none())
                .applicationName("erp/2").build()) {
            assertTrue(t.userAgent().startsWith("docsdk-example/") && t.userAgent().contains(" docsdk-core/"),
                    t.userAgent());
            assertTrue(t.userAgent().endsWith(" erp/2"), t.userAgent());
        }
        try (Transport t = TestHttp.transport("https://api.example.com", Credentials.none()).build()) {
            assertTrue(t.userAgent().startsWith("docsdk-core/") && !t.userAgent().contains(" docsdk-core/"),
                    t.userAgent());
        }
    }
}
