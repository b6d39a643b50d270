package com.docsdk.examples;

/** Whether real credentials are in the environment: then the examples talk to the real API. */
final class Env {
    private Env() {
    }

    static boolean has(String... names) {
        for (String name : names) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String target(boolean real, String vendorHost) {
        return real ? "real API at " + vendorHost : "embedded simulator (set the vendor's variables for the real API)";
    }
}
