package com.docsdk.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The databases the integration store's schema is written for. */
public enum SqlDialect {
    /** PostgreSQL 12 or newer. */
    POSTGRESQL("schema-postgresql.sql"),
    /** MySQL 8 or newer, and MariaDB 10.5 or newer (InnoDB). */
    MYSQL("schema-mysql.sql"),
    /** H2 2.x. */
    H2("schema-h2.sql");

    private final String resource;

    SqlDialect(String resource) {
        this.resource = resource;
    }

    /**
     * The dialect of a connected database, from its product name.
     *
     * @throws IllegalArgumentException for a database this store has no schema for
     */
    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return MYSQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("the integration store has no schema for " + product
                + " (PostgreSQL, MySQL/MariaDB and H2 are supported)");
    }

    /**
     * The schema as SQL, the tables named with {@code prefix} (for example {@code docsdk_}): what
     * {@link JdbcIntegrationStore#createSchema()} runs, for a DBA to run instead.
     */
    public String schemaSql(String prefix) {
        try (InputStream in = SqlDialect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}",
                    JdbcIntegrationStore.checkPrefix(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's statements, one per element, without comments. */
    List<String> statements(String prefix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : schemaSql(prefix).split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
