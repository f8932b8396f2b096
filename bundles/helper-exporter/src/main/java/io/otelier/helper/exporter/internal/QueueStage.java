package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.ObsReport;
import io.otelier.helper.exporter.QueuedRequest;
import io.otelier.pdata.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The first stage when {@code sending_queue} is on (upstream's queue sender with its async consumers): the
 * caller's request goes into the {@link SendingQueue} and returns; {@code num_consumers} threads take requests
 * and pass them down the chain. A request that finally fails is dropped and logged with upstream's
 * "Exporting failed. Dropping data."; a refused enqueue is counted as enqueue-failed.
 */
public final class QueueStage<T extends Telemetry> implements Stage<T> {

    public static final String DROPPING = "Exporting failed. Dropping data.";

    private final SendingQueue<T> queue;
    private final Stage<T> next;
    private final int consumers;
    private final String threadName;
    private final Logger log;
    private final String failureHint;
    private final ObsReport report;
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param threadName  consumer threads are named {@code threadName-1} … {@code threadName-n}
     * @param failureHint appended to the drop message (upstream's ExportFailureMessage), may be empty
     */
    public QueueStage(SendingQueue<T> queue, Stage<T> next, int consumers, String threadName, Logger log,
            String failureHint, ObsReport report) {
        this.queue = queue;
        this.next = next;
        this.consumers = consumers;
        this.threadName = threadName;
        this.log = log;
        this.failureHint = failureHint;
        this.report = report;
    }

    @Override
    public void send(RequestContext context, T data) throws ConsumerException {
        CompletableFuture<ConsumerException> result;
        try {
            result = queue.offer(context, data);
        } catch (ConsumerException e) {
            report.exporterEnqueueFailed(data.itemCount());
            throw e;
        }
        if (result != null) {
            // wait_for_result: the caller keeps the request until it is sent or dropped
            ConsumerException outcome = result.join();
            if (outcome != null) {
                throw outcome;
            }
        }
    }

    /** Starts the consumer threads (daemons: a missed shutdown must not keep the JVM alive). */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        for (int i = 1; i <= consumers; i++) {
            Thread t = new Thread(this::consumeLoop, threadName + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    public synchronized boolean isStarted() {
        return !threads.isEmpty();
    }

    /** Stops accepting requests; consumers drain or, for a hand-over, leave the rest queued. */
    public void stop(SendingQueue.StopMode mode) {
        queue.stop(mode);
    }

    /** Waits for the consumers to exit after {@link #stop}. */
    public void awaitTermination() throws InterruptedException {
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(threads);
        }
        for (Thread t : started) {
            t.join();
        }
    }

    /**
     * Drops what a queue whose consumers never started still holds (data accepted before a start that never
     * came), logging and counting it like any other dropped request. Call only after a DRAIN stop.
     */
    public void dropUnsent() throws InterruptedException {
        ConsumerException reason = new RetryableException("sending queue was never started");
        for (SendingQueue.Taken<T> taken = queue.take(); taken != null; taken = queue.take()) {
            int items = taken.request().data().itemCount();
            report.exporterSendFailed(items);
            log.error(DROPPING + failureHint, reason, "dropped_items", items);
            queue.done(taken, reason);
        }
    }

    private void consumeLoop() {
        while (true) {
            SendingQueue.Taken<T> taken;
            try {
                taken = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (taken == null) {
                return;
            }
            QueuedRequest<T> request = taken.request();
            ConsumerException outcome = sendOne(request);
            if (outcome instanceof ShutdownInterruption && queue.isRetaining()) {
                queue.putBack(taken);
                continue;
            }
            if (outcome != null) {
                log.error(DROPPING + failureHint, outcome, "dropped_items", request.data().itemCount());
            }
            queue.done(taken, outcome);
        }
    }

    private ConsumerException sendOne(QueuedRequest<T> request) {
        try {
            next.send(request.context(), request.data());
            return null;
        } catch (ConsumerException e) {
            return e;
        } catch (RuntimeException e) {
            // the timeout stage already converts the sender's; this guards the consumer thread itself
            return new RetryableException("internal error: " + e, e);
        }
    }
}
