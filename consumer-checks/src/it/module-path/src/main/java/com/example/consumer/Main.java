package com.example.consumer;

import com.docsdk.dcycle.DcycleClient;
import com.docsdk.document360.Document360Client;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.fileai.model.AiSchema;
import com.docsdk.smartdocumentor.SmartDocumentorClient;
import com.docsdk.webadmit.WebAdmitClient;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Fails (non-zero exit) unless the SDK runs as named modules. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // Every client class sits in the module its Automatic-Module-Name names.
        Map<Class<?>, String> modules = Map.of(
                FileAiClient.class, "com.docsdk.fileai",
                WebAdmitClient.class, "com.docsdk.webadmit",
                SmartDocumentorClient.class, "com.docsdk.smartdocumentor",
                DcycleClient.class, "com.docsdk.dcycle",
                Document360Client.class, "com.docsdk.document360");
        if (ModuleLayer.boot().findModule("com.docsdk.core").isEmpty()) {
            throw new AssertionError("no module com.docsdk.core");
        }
        for (Map.Entry<Class<?>, String> e : modules.entrySet()) {
            Module module = e.getKey().getModule();
            if (!module.isNamed() || !module.getName().equals(e.getValue())) {
                throw new AssertionError(e.getKey().getName() + " is in " + module + ", expected " + e.getValue());
            }
        }

        // One real call: okhttp, kotlin-stdlib, okio, gson and slf4j resolved as modules, JSON read reflectively.
        AtomicReference<String> apiKey = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prod/v1/schemas", exchange -> {
            apiKey.set(exchange.getRequestHeaders().getFirst("x-api-key"));
            byte[] body = "{\"schemas\":[{\"id\":\"schema-1\",\"schemaType\":\"SYSTEM\"}],\"count\":1,\"currentPage\":1}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (FileAiClient fileAi = FileAiClient.builder()
                .apiKey("module-path-key")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .build()) {
            List<String> ids = new ArrayList<>();
            for (AiSchema schema : fileAi.schemas().list()) {
                ids.add(schema.getId());
            }
            if (!ids.equals(List.of("schema-1")) || !"module-path-key".equals(apiKey.get())) {
                throw new AssertionError("read " + ids + " with key " + apiKey.get());
            }
        } finally {
            server.stop(0);
        }
        System.out.println("module path: " + (modules.size() + 1) + " SDK modules named, fileAI schemas read: OK");
    }
}
