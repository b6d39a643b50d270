package com.docsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.store.IntegrationStore;
import org.junit.jupiter.api.Test;

class InMemoryIntegrationStoreTest extends IntegrationStoreContract {
    @Override
    protected IntegrationStore newStore(FakeTime clock) {
        return IntegrationStore.inMemory(clock);
    }

    @Test
    void workerIdsAreUniqueAndShortEnough() {
        String a = IntegrationStore.newWorkerId();
        String b = IntegrationStore.newWorkerId();
        assertNotEquals(a, b);
        assertTrue(a.length() <= 200);
        assertEquals("IntegrationStore.inMemory", IntegrationStore.inMemory().toString());
    }
}
