package com.docsdk.jdbc;

import com.docsdk.core.FakeTime;
import com.docsdk.core.IntegrationStoreContract;
import com.docsdk.core.store.IntegrationStore;
import java.time.Duration;

class PostgresIntegrationStoreTest extends IntegrationStoreContract {
    @Override
    protected IntegrationStore newStore(FakeTime clock) {
        JdbcIntegrationStore s = JdbcIntegrationStore.builder(Databases.postgresDataSource()).clock(clock)
                .maxClockSkew(Duration.ZERO).build();
        s.createSchema();
        return s;
    }
}
