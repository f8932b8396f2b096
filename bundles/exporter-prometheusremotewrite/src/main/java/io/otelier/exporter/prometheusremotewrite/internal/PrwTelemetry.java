package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.telemetry.LongCounter;
import io.otelier.api.telemetry.Meter;
import java.util.function.LongSupplier;

/**
 * The exporter's own internal telemetry, named as upstream's metadata.yaml (v0.165): counters labelled with the
 * exporter id (and the endpoint for the sending ones). The WAL latency histograms are not recorded: the
 * internal telemetry here has counters and gauges only.
 */
final class PrwTelemetry {

    private static final String PREFIX = "otelcol_exporter_prometheusremotewrite_";

    private final Meter meter;
    private final String[] exporter;
    private final String[] exporterEndpoint;
    private final LongCounter failedTranslations;
    private final LongCounter translatedTimeSeries;
    private final LongCounter sentBatches;
    private final LongCounter walWrites;
    private final LongCounter walWritesFailures;
    private final LongCounter walBytesWritten;
    private final LongCounter walReads;
    private final LongCounter walReadsFailures;
    private final LongCounter walBytesRead;
    private final LongCounter walSendFailedBatches;
    private final LongCounter walSendFailedSamples;

    PrwTelemetry(Meter meter, String exporterId, String endpoint) {
        this.meter = meter;
        this.exporter = new String[] {"exporter", exporterId};
        this.exporterEndpoint = new String[] {"exporter", exporterId, "endpoint", endpoint};
        failedTranslations = meter.counter(PREFIX + "failed_translations",
                "Number of translation operations that failed to translate metrics from Otel to Prometheus", "1");
        translatedTimeSeries = meter.counter(PREFIX + "translated_time_series",
                "Number of Prometheus time series that were translated from OTel metrics", "1");
        sentBatches = meter.counter(PREFIX + "sent_batches", "Number of remote write request batches sent to the"
                + " remote write endpoint regardless of success or failure", "{batch}");
        walWrites = meter.counter(PREFIX + "wal_writes", "Number of WAL writes", "1");
        walWritesFailures = meter.counter(PREFIX + "wal_writes_failures", "Number of WAL writes that failed", "1");
        walBytesWritten = meter.counter(PREFIX + "wal_bytes_written", "Total number of bytes written to the WAL",
                "By");
        walReads = meter.counter(PREFIX + "wal_reads", "Number of WAL reads", "1");
        walReadsFailures = meter.counter(PREFIX + "wal_reads_failures", "Number of WAL reads that failed", "1");
        walBytesRead = meter.counter(PREFIX + "wal_bytes_read", "Total number of bytes read from the WAL", "By");
        walSendFailedBatches = meter.counter(PREFIX + "wal_send_failed_batches", "Number of remote write request"
                + " batches dropped from the WAL because the remote endpoint rejected their content (HTTP 400, 409,"
                + " 413 or 422). Any other failure keeps the batch in the WAL and is not counted here.", "{batch}");
        walSendFailedSamples = meter.counter(PREFIX + "wal_send_failed_samples", "Number of samples and native"
                + " histograms in the batches counted by exporter_prometheusremotewrite_wal_send_failed_batches."
                + " This is an upper bound on the samples lost, because the endpoint may have stored part of a"
                + " rejected batch.", "{sample}");
    }

    /** {@code consumers} (upstream: an up-down counter set once) and, with a WAL, {@code wal_lag}. */
    AutoCloseable gauges(int consumers, LongSupplier walLag) throws Exception {
        AutoCloseable c = meter.gauge(PREFIX + "consumers",
                "Number of configured workers to use to fan out the outgoing requests", "{consumer}",
                () -> consumers, exporterEndpoint);
        if (walLag == null) {
            return c;
        }
        AutoCloseable lag = meter.gauge(PREFIX + "wal_lag", "WAL lag", "1", walLag, exporter);
        return () -> {
            try {
                c.close();
            } finally {
                lag.close();
            }
        };
    }

    void translated(int series, boolean failed) {
        if (failed) {
            failedTranslations.add(1, exporterEndpoint);
        }
        translatedTimeSeries.add(series, exporterEndpoint);
    }

    void sentBatch() {
        sentBatches.add(1, exporterEndpoint);
    }

    void walWrite(long bytes, boolean failed) {
        walWrites.add(1, exporter);
        if (failed) {
            walWritesFailures.add(1, exporter);
        } else {
            walBytesWritten.add(bytes, exporter);
        }
    }

    void walRead(long bytes, boolean failed) {
        walReads.add(1, exporter);
        if (failed) {
            walReadsFailures.add(1, exporter);
        } else {
            walBytesRead.add(bytes, exporter);
        }
    }

    void walRejected(int batches, long samples) {
        walSendFailedBatches.add(batches, exporter);
        walSendFailedSamples.add(samples, exporter);
    }
}
