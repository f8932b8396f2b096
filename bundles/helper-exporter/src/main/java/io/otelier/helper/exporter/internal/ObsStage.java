package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.ObsReport;
import io.otelier.pdata.Telemetry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Counts the outcome of each request after its retries (upstream's obsReportSender): sent items, or
 * send-failed items, and the requests in flight meanwhile (backoff waits included).
 */
public final class ObsStage<T extends Telemetry> implements Stage<T> {

    private final Stage<T> next;
    private final ObsReport report;
    private final Predicate<ConsumerException> isFinal;
    private final AtomicLong inFlight = new AtomicLong();

    /**
     * @param isFinal whether a failure ends the request; one that does not (a request put back into a queue
     *                that is being handed over) is not counted as failed
     */
    public ObsStage(Stage<T> next, ObsReport report, Predicate<ConsumerException> isFinal) {
        this.next = next;
        this.report = report;
        this.isFinal = isFinal;
    }

    @Override
    public void send(RequestContext context, T data) throws ConsumerException {
        int items = data.itemCount();
        inFlight.incrementAndGet();
        try {
            next.send(context, data);
        } catch (ConsumerException e) {
            if (isFinal.test(e)) {
                report.exporterSendFailed(items);
            }
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
        report.exporterSent(items);
    }

    /** Requests between entering this stage and their outcome. */
    public long inFlight() {
        return inFlight.get();
    }
}
