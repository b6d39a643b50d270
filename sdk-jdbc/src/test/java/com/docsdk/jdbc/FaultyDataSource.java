package com.docsdk.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real database behind faults a network or a restart makes: connections refused for a while, or the connection
 * breaking right after an update was committed (the client never learns that it went through) or right before.
 */
final class FaultyDataSource implements DataSource {
    private final DataSource real;
    final AtomicInteger refuseConnections = new AtomicInteger();
    final AtomicInteger connectionsOpened = new AtomicInteger();
    private volatile String breakAfter;
    private volatile String breakBefore;

    FaultyDataSource(DataSource real) {
        this.real = real;
    }

    /** The next update whose SQL starts with {@code sqlStart} is committed, then the connection breaks. */
    void breakAfterUpdate(String sqlStart) {
        this.breakAfter = sqlStart;
    }

    /** The next update whose SQL starts with {@code sqlStart} is not sent: the connection breaks first. */
    void breakBeforeUpdate(String sqlStart) {
        this.breakBefore = sqlStart;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (refuseConnections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLTransientConnectionException("connection refused (simulated)", "08001");
        }
        connectionsOpened.incrementAndGet();
        Connection c = real.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        return statement(c, (PreparedStatement) result, sql);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(Connection c, PreparedStatement ps, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeUpdate") && (args == null || args.length == 0)) {
                        String before = breakBefore;
                        if (before != null && sql.startsWith(before)) {
                            breakBefore = null;
                            c.close();
                            throw new SQLRecoverableException("connection reset before the update (simulated)",
                                    "08006");
                        }
                        Object result = invoke(ps, method, args);
                        String after = breakAfter;
                        if (after != null && sql.startsWith(after)) {
                            breakAfter = null;
                            c.close();
                            throw new SQLRecoverableException("connection reset after the commit (simulated)",
                                    "08006");
                        }
                        return result;
                    }
                    return invoke(ps, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
