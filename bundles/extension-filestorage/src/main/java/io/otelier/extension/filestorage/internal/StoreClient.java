package io.otelier.extension.filestorage.internal;

import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageOperation;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A component's handle on a store. Two handles on the same key space share one store; the store closes when the
 * last handle does.
 */
final class StoreClient implements StorageClient {

    /** Told when a handle closes, to release its share of the store. */
    interface Release {
        void release(LogStore store) throws IOException;
    }

    private final LogStore store;
    private final Release release;
    private volatile boolean closed;

    StoreClient(LogStore store, Release release) {
        this.store = store;
        this.release = release;
    }

    @Override
    public byte[] get(String key) throws IOException {
        Objects.requireNonNull(key, "key");
        checkOpen();
        return store.get(key);
    }

    @Override
    public void set(String key, byte[] value) throws IOException {
        batch(List.of(StorageOperation.set(key, value)));
    }

    @Override
    public void delete(String key) throws IOException {
        batch(List.of(StorageOperation.delete(key)));
    }

    @Override
    public List<byte[]> batch(List<StorageOperation> operations) throws IOException {
        checkOpen();
        return store.batch(operations);
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        release.release(store);
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("storage client for " + store.path().getFileName() + " is closed");
        }
    }
}
