package io.otelier.helper.exporter;

import io.otelier.pdata.Telemetry;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a sending queue keeps its requests: in memory for now; a persistent implementation (upstream's
 * {@code storage} backed by the file_storage extension) comes later. The queue decides what fits (capacity,
 * sizer) and who waits; the storage only holds the requests in order.
 *
 * <p>A storage lives apart from the exporter instance that filled it, so that a hot swap can hand it to the
 * next instance ({@link QueueHandoff}). Calls come from the owning queue under its lock, one at a time, or
 * from the hand-off while nobody owns it: an implementation need not be thread-safe.
 */
@ConsumerType
public interface QueueStorage<T extends Telemetry> {

    /** Appends a request at the tail. */
    void add(QueuedRequest<T> request);

    /** Removes and returns the head, or null when empty. The request stays owed until {@link #done}. */
    QueuedRequest<T> poll();

    /**
     * A request returned by {@link #poll} is finished with: sent, or given up on. A persistent storage deletes
     * it only now, so that a crash in between delivers it again.
     */
    void done(QueuedRequest<T> request);

    /** Gives back a request returned by {@link #poll} unsent (a shutdown interrupted it); it comes out first again. */
    void putBack(QueuedRequest<T> request);

    /** Requests stored and not yet polled. */
    int count();

    /** Visits the stored requests, oldest first, without removing them. */
    void forEach(Consumer<? super QueuedRequest<T>> action);

    /** Releases the storage for good; whatever it still holds is dropped. */
    default void close() {
    }
}
