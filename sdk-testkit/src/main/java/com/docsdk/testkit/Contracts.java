package com.docsdk.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed vendor contracts, shared by simulators: parsing a spec takes about a second, a contract is immutable. */
final class Contracts {
    private static final Map<String, OpenApiContract> CACHE = new ConcurrentHashMap<>();

    private Contracts() {
    }

    static OpenApiContract of(String vendor) {
        return CACHE.computeIfAbsent(vendor, OpenApiContract::forVendor);
    }
}
