package io.otelier.testkit;

import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;

/** The start → consume → shutdown round of an exporter's lifecycle test. */
public final class ExporterLifecycle {

    private ExporterLifecycle() {
    }

    /**
     * Starts {@code exporter} on an empty host, has it consume {@code data} marked read-only, and shuts it down.
     * Fanned-out data is shared between pipelines, so an exporter may only read it: a write fails fast, and any
     * other change fails here.
     */
    public static <T extends Telemetry> void run(Exporter<T> exporter, T data) throws Exception {
        Telemetry expected = data.deepCopy();
        data.markReadOnly();

        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, data);
        exporter.shutdown();

        if (!data.equals(expected)) {
            throw new AssertionError("the exporter changed the data it consumed");
        }
    }

    /**
     * {@link #run(Exporter, Telemetry)} for an exporter that reports its own sends to {@code obs}: its shutdown
     * drains the queue, so every item of {@code data} has been reported sent by the time it returns.
     */
    public static <T extends Telemetry> void run(Exporter<T> exporter, T data, RecordingObsReport obs)
            throws Exception {
        long sentBefore = obs.sent.get();
        run(exporter, data);
        long sent = obs.sent.get() - sentBefore;
        if (sent != data.itemCount()) {
            throw new AssertionError("not drained before shutdown returned: " + sent + " of " + data.itemCount()
                    + " items sent");
        }
    }
}
