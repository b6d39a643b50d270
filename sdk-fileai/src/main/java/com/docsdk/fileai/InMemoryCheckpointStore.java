package com.docsdk.fileai;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ExportCheckpointStore#inMemory()}. */
final class InMemoryCheckpointStore implements ExportCheckpointStore {
    private final AtomicReference<String> checkpoint = new AtomicReference<>();

    @Override
    public Optional<String> read() {
        return Optional.ofNullable(checkpoint.get());
    }

    @Override
    public void write(String value) {
        checkpoint.set(Objects.requireNonNull(value, "checkpoint"));
    }

    @Override
    public String toString() {
        return "ExportCheckpointStore.inMemory()";
    }
}
