package com.docsdk.jdbc;

import com.docsdk.core.FakeTime;
import com.docsdk.core.IntegrationStoreContract;
import com.docsdk.core.store.IntegrationStore;
import javax.sql.DataSource;

class H2IntegrationStoreTest extends IntegrationStoreContract {
    private static final DataSource DB = Databases.h2();

    @Override
    protected IntegrationStore newStore(FakeTime clock) {
        JdbcIntegrationStore s = JdbcIntegrationStore.builder(DB).clock(clock).maxClockSkew(java.time.Duration.ZERO)
                .build();
        s.createSchema();
        return s;
    }
}
