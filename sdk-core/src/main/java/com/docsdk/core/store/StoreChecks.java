package com.docsdk.core.store;

import com.docsdk.core.error.ClientValidationException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * The argument checks every {@link IntegrationStore} applies before it touches its state, so that every store refuses
 * the same bad input with a {@link ClientValidationException} naming the parameter.
 */
public final class StoreChecks {
    /** The longest scope, item id, owner or key a store accepts (the SQL schema's column width). */
    public static final int MAX_ID_LENGTH = 200;

    private StoreChecks() {
    }

    /** A scope, item id, owner or key: not blank, at most {@value #MAX_ID_LENGTH} characters. */
    public static String id(String parameter, String value) {
        ClientValidationException.requireNonBlank(parameter, value);
        ClientValidationException.require(value.length() <= MAX_ID_LENGTH, parameter,
                "is longer than " + MAX_ID_LENGTH + " characters");
        return value;
    }

    /** A lease or seen-key lifetime: positive. */
    public static Duration ttl(String parameter, Duration ttl) {
        ClientValidationException.requireNonNull(parameter, ttl);
        ClientValidationException.require(!ttl.isNegative() && !ttl.isZero(), parameter, "must be positive");
        return ttl;
    }

    /** A clock skew allowance: zero or positive. */
    public static Duration skew(Duration skew) {
        ClientValidationException.requireNonNull("maxClockSkew", skew);
        ClientValidationException.require(!skew.isNegative(), "maxClockSkew", "must not be negative");
        return skew;
    }

    static String newWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String pid = String.valueOf(ManagementFactory.getRuntimeMXBean().getPid());
        String id = host + "/" + pid + "/" + UUID.randomUUID();
        return id.length() <= MAX_ID_LENGTH ? id : id.substring(id.length() - MAX_ID_LENGTH);
    }
}
