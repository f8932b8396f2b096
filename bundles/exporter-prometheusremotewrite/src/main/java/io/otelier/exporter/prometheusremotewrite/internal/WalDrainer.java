package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Sends what the write-ahead log holds, as upstream's {@code continuallyPopWALThenExport}: requests are read from
 * the front of the log and sent together once {@code buffer_size} of them are waiting or {@code
 * truncate_frequency} passed since the last send; the log is cut only after they were sent. A failed send keeps
 * them in the log and is tried again a {@code truncate_frequency} later, so an unreachable endpoint loses nothing
 * and what the log holds at shutdown is sent after the next start. Requests the endpoint rejects for their
 * content (400, 409, 413, 422) can never succeed: they are dropped with an error log.
 */
final class WalDrainer {

    /** Sends a batch of encoded (uncompressed) write requests. */
    interface Export {
        void send(List<byte[]> requests) throws ConsumerException;
    }

    private final WriteAheadLog wal;
    private final Export export;
    private final int bufferSize;
    private final long truncateNanos;
    private final Logger log;
    private final PrwTelemetry telemetry;
    private final Object lock = new Object();
    private boolean stopped;
    private Thread thread;

    WalDrainer(WriteAheadLog wal, Export export, int bufferSize, Duration truncateFrequency, Logger log,
            PrwTelemetry telemetry) {
        this.wal = wal;
        this.export = export;
        this.bufferSize = bufferSize;
        this.truncateNanos = truncateFrequency.toNanos();
        this.log = log;
        this.telemetry = telemetry;
    }

    void start(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Appends requests to the log (synced to disk) for the drainer to send. */
    void persist(List<byte[]> requests) throws IOException {
        synchronized (lock) {
            if (stopped) {
                throw new IOException("write-ahead log is closed");
            }
            wal.append(requests);
            lock.notifyAll();
        }
    }

    /** Stops sending (a send in progress gives up once its retries are stopped) and closes the log. */
    void stop() throws IOException, InterruptedException {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        synchronized (lock) {
            wal.close();
        }
    }

    /** How many requests wait in the log. */
    long pending() {
        synchronized (lock) {
            return wal.nextIndex() - wal.firstIndex();
        }
    }

    private void run() {
        long lastSend = System.nanoTime();
        while (true) {
            List<byte[]> batch;
            synchronized (lock) {
                long waiting = wal.nextIndex() - wal.firstIndex();
                long sinceSend = System.nanoTime() - lastSend;
                if (!stopped && (waiting == 0 || waiting < bufferSize && sinceSend < truncateNanos)) {
                    long wait = waiting == 0 ? truncateNanos : truncateNanos - sinceSend;
                    try {
                        lock.wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                if (stopped) {
                    return;
                }
                try {
                    batch = wal.read(wal.firstIndex(), bufferSize);
                    telemetry.walRead(batch.stream().mapToLong(b -> b.length).sum(), false);
                } catch (IOException e) {
                    telemetry.walRead(0, true);
                    log.error("error processing WAL entries", e, "error", e.getMessage());
                    lastSend = System.nanoTime();
                    continue;
                }
            }
            lastSend = System.nanoTime();
            if (send(batch)) {
                synchronized (lock) {
                    try {
                        wal.truncateFront(wal.firstIndex() + batch.size());
                    } catch (IOException e) {
                        log.error("error processing WAL entries", e, "error", e.getMessage());
                    }
                }
            }
        }
    }

    /** True when the batch is done with: sent, or rejected for good. */
    private boolean send(List<byte[]> batch) {
        try {
            export.send(batch);
            return true;
        } catch (RemoteWriteClient.PayloadRejectedException e) {
            telemetry.walRejected(e.requests, e.samples);
            log.error("dropping write-ahead log batch rejected by the remote endpoint", e, "rejected_request_count",
                    e.requests, "rejected_sample_count", e.samples, "batch_request_count", batch.size(), "error",
                    e.getMessage());
            return true;
        } catch (ConsumerException e) {
            log.error("error processing WAL entries", e, "error", e.getMessage());
            return false;
        }
    }
}
