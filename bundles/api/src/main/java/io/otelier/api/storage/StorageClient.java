package io.otelier.api.storage;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A key/value store for one component. Values are opaque bytes. Every write is durable when the call
 * returns as far as the extension's settings promise (file_storage with {@code fsync: true}: on disk).
 * Calls may block on I/O; they are safe to make from several threads.
 */
@ConsumerType
public interface StorageClient extends AutoCloseable {

    /** The value stored under {@code key}, or null when there is none. */
    byte[] get(String key) throws IOException;

    void set(String key, byte[] value) throws IOException;

    /** Removes {@code key}; removing an absent key is not an error. */
    void delete(String key) throws IOException;

    /**
     * Runs the operations in order, atomically where the store can: either all writes land or none.
     *
     * @return one element per operation: the value read for a {@link StorageOperation.Get} (null when
     *     absent), null for writes
     */
    List<byte[]> batch(List<StorageOperation> operations) throws IOException;

    /** Releases the client; later calls fail. */
    @Override
    void close() throws IOException;
}
