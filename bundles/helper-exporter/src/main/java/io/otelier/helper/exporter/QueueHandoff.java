package io.otelier.helper.exporter;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.pdata.Telemetry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an exporter's queued requests across a stop and a start (hot swap, config reload), keyed by exporter
 * id and signal. The runtime, before it stops an exporter instance that a new instance will replace, calls
 * {@link #retain}; the old instance's shutdown then stops sending, leaves what is still queued (requests whose
 * retry the shutdown interrupted included) in its {@link QueueStorage}, and deposits that storage here; the
 * new instance claims it in its {@code start} and sends it. The old instance must be shut down before the new
 * one starts. When no successor comes, {@link #release} drops what is held.
 *
 * <p>An instance whose queue is disabled or has {@code wait_for_result} on drains as usual instead (callers
 * wait on their requests, so they cannot be handed over).
 *
 * <p>The shared registry holds only pdata and request contexts, never a component's classes, so a component
 * bundle can be refreshed while its queue waits here.
 */
public final class QueueHandoff {

    private static final QueueHandoff SHARED = new QueueHandoff();

    private final Set<Key> retainRequested = new HashSet<>();
    private final Map<Key, QueueStorage<?>> held = new HashMap<>();

    /** The registry exporters use unless they were built with another one. */
    public static QueueHandoff shared() {
        return SHARED;
    }

    /** Asks the next shutdown of this exporter instance to keep its queue for a successor. */
    public synchronized void retain(ComponentId exporter, Signal signal) {
        retainRequested.add(new Key(exporter, signal));
    }

    /** Whether a queue waits here for its successor. */
    public synchronized boolean isHeld(ComponentId exporter, Signal signal) {
        return held.containsKey(new Key(exporter, signal));
    }

    /** Requests waiting here for this exporter's successor. */
    public synchronized int heldRequests(ComponentId exporter, Signal signal) {
        QueueStorage<?> storage = held.get(new Key(exporter, signal));
        return storage == null ? 0 : storage.count();
    }

    /**
     * Withdraws a {@link #retain} request and drops a queue that nobody will claim.
     *
     * @return the number of requests dropped
     */
    public synchronized int release(ComponentId exporter, Signal signal) {
        Key key = new Key(exporter, signal);
        retainRequested.remove(key);
        QueueStorage<?> storage = held.remove(key);
        if (storage == null) {
            return 0;
        }
        int dropped = storage.count();
        storage.close();
        return dropped;
    }

    /** Consumes the retain request for this key, if there is one. */
    synchronized boolean takeRetainRequest(Key key) {
        return retainRequested.remove(key);
    }

    /** Parks a stopped instance's storage; a second deposit for the same key is appended to the first. */
    synchronized <T extends Telemetry> void deposit(Key key, QueueStorage<T> storage) {
        @SuppressWarnings("unchecked")
        QueueStorage<T> existing = (QueueStorage<T>) held.get(key);
        if (existing == null) {
            held.put(key, storage);
            return;
        }
        for (QueuedRequest<T> r = storage.poll(); r != null; r = storage.poll()) {
            existing.add(r);
            storage.done(r);
        }
        storage.close();
    }

    /** Takes the storage waiting for this key; the key's signal guarantees the element type. */
    @SuppressWarnings("unchecked")
    synchronized <T extends Telemetry> Optional<QueueStorage<T>> claim(Key key) {
        return Optional.ofNullable((QueueStorage<T>) held.remove(key));
    }

    /** One exporter instance: upstream creates one per (signal, id). */
    record Key(ComponentId exporter, Signal signal) {
        Key {
            Objects.requireNonNull(exporter, "exporter");
            Objects.requireNonNull(signal, "signal");
        }
    }
}
