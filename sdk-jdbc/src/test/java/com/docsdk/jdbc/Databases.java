package com.docsdk.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The databases the tests run on: a real PostgreSQL (started once per JVM, from Maven Central binaries) and H2. */
final class Databases {
    private static final AtomicInteger H2_DBS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** The PostgreSQL server, started on first use and stopped when the JVM ends. */
    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }

    static DataSource postgresDataSource() {
        return postgres().getPostgresDatabase();
    }

    /** A new, empty in-memory H2 database, kept until the JVM ends. */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store" + H2_DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }
}
