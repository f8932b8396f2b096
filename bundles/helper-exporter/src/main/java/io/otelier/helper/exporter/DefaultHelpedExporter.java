package io.otelier.helper.exporter;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.Meter;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.api.telemetry.ObsReport;
import io.otelier.helper.exporter.internal.InMemoryQueueStorage;
import io.otelier.helper.exporter.internal.ObsStage;
import io.otelier.helper.exporter.internal.QueueStage;
import io.otelier.helper.exporter.internal.RetryStage;
import io.otelier.helper.exporter.internal.SendingQueue;
import io.otelier.helper.exporter.internal.ShutdownInterruption;
import io.otelier.helper.exporter.internal.Sizers;
import io.otelier.helper.exporter.internal.Stage;
import io.otelier.helper.exporter.internal.TimeoutStage;
import io.otelier.pdata.Telemetry;
import java.util.ArrayList;
import java.util.List;

/** The chain assembled; see {@link ExporterHelper} for its order and {@link QueueHandoff} for hand-over. */
final class DefaultHelpedExporter<T extends Telemetry> implements HelpedExporter<T> {

    private final Sender<T> sender;
    private final Logger log;
    private final String failureHint;
    private final RetryStage<T> retry;
    private final SendingQueue<T> queue;
    private final QueueStage<T> queueStage;
    private final Stage<T> first;
    private final QueueHandoff handoff;
    private final QueueHandoff.Key key;
    private final boolean waitForResult;
    private final boolean mayBlock;
    private final List<AutoCloseable> gauges = new ArrayList<>();
    private volatile boolean handingOff;
    private boolean shutDown;

    DefaultHelpedExporter(ExporterHelper.Builder<T> b) {
        this.sender = b.sender;
        this.log = b.settings.telemetry().logger();
        this.handoff = b.handoff;
        this.key = new QueueHandoff.Key(b.settings.id(), b.signal);
        this.waitForResult = b.queue.enabled() && b.queue.waitForResult();
        this.mayBlock = !b.queue.enabled() || b.queue.blockOnOverflow() || b.queue.waitForResult()
                || b.queue.storage() != null;
        this.failureHint = (b.retry.enabled() ? "" : ExporterHelper.HINT_RETRY)
                + (b.queue.enabled() ? "" : ExporterHelper.HINT_QUEUE);
        ObsReport report = b.settings.telemetry().obsReport();

        Stage<T> chain = new TimeoutStage<>(b.sender, b.timeout.timeout());
        if (b.retry.enabled()) {
            retry = new RetryStage<>(chain, b.retry, log, b.clock, b.random);
            chain = retry;
        } else {
            retry = null;
        }
        // a request a hand-over puts back is not a failure: its successor sends it
        ObsStage<T> obs = new ObsStage<>(chain, report, e -> !(handingOff && e instanceof ShutdownInterruption));
        if (b.queue.enabled()) {
            queue = new SendingQueue<>(new InMemoryQueueStorage<>(), Sizers.of(b.queue.sizer(), b.bytesSizer),
                    b.queue.queueSize(), b.queue.blockOnOverflow(), b.queue.waitForResult());
            queueStage = new QueueStage<>(queue, obs, b.queue.numConsumers(),
                    "exporter-" + b.settings.id() + "-" + b.signal.id() + "-queue", log, failureHint, report);
            first = queueStage;
        } else {
            queue = null;
            queueStage = null;
            first = obs;
        }
        registerGauges(b, obs);
    }

    private void registerGauges(ExporterHelper.Builder<T> b, ObsStage<T> obs) {
        if (b.settings.telemetry().metricsLevel() == MetricsLevel.NONE) {
            return;
        }
        Meter meter = b.settings.telemetry().meter();
        String[] labels = {"exporter", b.settings.id().toString(), "data_type", b.signal.id()};
        if (queue != null) {
            gauges.add(meter.gauge("otelcol_exporter_queue_size", "Current size of the retry queue (in batches). [Alpha]",
                    "{batch}", queue::size, labels));
            gauges.add(meter.gauge("otelcol_exporter_queue_capacity",
                    "Fixed capacity of the retry queue (in batches). [Alpha]", "{batch}", queue::capacity, labels));
        }
        gauges.add(meter.gauge("otelcol_exporter_in_flight_requests",
                "Number of export requests currently in-flight (including retry backoff). [Development]", "{request}",
                obs::inFlight, labels));
    }

    @Override
    public synchronized void start(Host host) throws Exception {
        sender.start(host);
        if (queueStage != null) {
            handoff.<T>claim(key).ifPresent(queue::adopt);
            queueStage.start();
        }
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        try {
            first.send(context, data);
        } catch (ConsumerException e) {
            log.error(ExporterHelper.REJECTING + failureHint, e, "rejected_items", data.itemCount());
            throw e;
        }
    }

    /**
     * Drains the queue (retries stop first, so each remaining request gets one more attempt, as upstream's
     * shutdown does), or hands it over when {@link QueueHandoff#retain} asked for it; then stops the sender.
     */
    @Override
    public synchronized void shutdown() throws Exception {
        if (shutDown) {
            return;
        }
        shutDown = true;
        boolean retainRequested = handoff.takeRetainRequest(key);
        try {
            if (queueStage != null) {
                stopQueue(retainRequested && !waitForResult);
            } else if (retry != null) {
                retry.stop();
            }
        } finally {
            closeGauges();
            sender.shutdown();
        }
    }

    private void stopQueue(boolean retain) throws InterruptedException {
        // the mode is set before retries stop, so interrupted requests are put back, not dropped
        handingOff = retain;
        queueStage.stop(retain ? SendingQueue.StopMode.RETAIN : SendingQueue.StopMode.DRAIN);
        if (retry != null) {
            retry.stop();
        }
        queueStage.awaitTermination();
        if (retain) {
            handoff.deposit(key, queue.storage());
            return;
        }
        if (!queueStage.isStarted()) {
            queueStage.dropUnsent();
        }
        queue.storage().close();
    }

    private void closeGauges() {
        for (AutoCloseable gauge : gauges) {
            try {
                gauge.close();
            } catch (Exception e) {
                log.warn("Could not remove an internal metric", "error", String.valueOf(e));
            }
        }
        gauges.clear();
    }

    /**
     * Without a queue the caller waits for the send (and its retries); with one it waits when the queue is full
     * and {@code block_on_overflow} is on, for the result with {@code wait_for_result}, and for the disk with a
     * persistent queue. Only an in-memory queue that refuses when full returns at once.
     */
    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    @Override
    public boolean reportsSends() {
        return true;
    }

    @Override
    public long queueSize() {
        return queue == null ? 0 : queue.size();
    }

    @Override
    public long queueCapacity() {
        return queue == null ? 0 : queue.capacity();
    }
}
