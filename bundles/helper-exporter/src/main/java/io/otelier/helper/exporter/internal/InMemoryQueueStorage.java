package io.otelier.helper.exporter.internal;

import io.otelier.helper.exporter.QueueStorage;
import io.otelier.helper.exporter.QueuedRequest;
import io.otelier.pdata.Telemetry;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** The default storage: a FIFO in memory. Lost on a crash, kept across a hand-over. */
public final class InMemoryQueueStorage<T extends Telemetry> implements QueueStorage<T> {

    private final ArrayDeque<QueuedRequest<T>> requests = new ArrayDeque<>();

    @Override
    public void add(QueuedRequest<T> request) {
        requests.addLast(request);
    }

    @Override
    public QueuedRequest<T> poll() {
        return requests.pollFirst();
    }

    @Override
    public void done(QueuedRequest<T> request) {
        // nothing to delete: poll already removed it
    }

    @Override
    public void putBack(QueuedRequest<T> request) {
        requests.addFirst(request);
    }

    @Override
    public int count() {
        return requests.size();
    }

    @Override
    public void forEach(Consumer<? super QueuedRequest<T>> action) {
        requests.forEach(action);
    }

    @Override
    public void close() {
        requests.clear();
    }
}
