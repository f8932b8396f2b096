package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log (outage, restart, rejection) and the split into write requests. */
class PrwWalAndBatchingTest {

    static final long SECOND = 1_000_000_000L;
    static final long T0 = 1_700_000_000L * SECOND;
    static final RetrySettings FAST = new RetrySettings(true, Duration.ofMillis(10), 0, 1.5, Duration.ofMillis(40),
            Duration.ofSeconds(30));

    @TempDir
    Path dir;
    private final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "prometheus_remote_write/wal");
    private final List<RemoteWriteBackend> backends = new ArrayList<>();

    @AfterEach
    void stopBackends() throws Exception {
        for (RemoteWriteBackend b : backends) {
            b.close();
        }
    }

    @Test
    void theWalKeepsWhatAFailingEndpointRefusesAndSendsItInOrder() throws Exception {
        RemoteWriteBackend backend = backend().answering(503, 503, 503, 503, 503);
        Exporter<Metrics> exporter = exporter(backend.url(), withWal(Duration.ofMillis(50)));
        exporter.start(new TestHost());
        assertThat(test.meter.gauge("otelcol_exporter_prometheusremotewrite_consumers", "exporter",
                "prometheus_remote_write/wal", "endpoint", backend.url())).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            exporter.consume(RequestContext.EMPTY, counter(T0 + i * SECOND, i));
        }

        waitFor(() -> delivered(backend).size() >= 5);
        exporter.shutdown();

        assertThat(delivered(backend)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void whatTheWalHoldsAtShutdownIsSentAfterTheNextStart() throws Exception {
        RemoteWriteBackend down = backend();
        String url = down.url();
        down.close();
        backends.remove(down);
        Exporter<Metrics> first = exporter(url, withWal(Duration.ofMillis(20)));
        first.start(new TestHost());
        first.consume(RequestContext.EMPTY, counter(T0, 1));
        first.consume(RequestContext.EMPTY, counter(T0 + SECOND, 2));
        Thread.sleep(100);
        first.shutdown();

        RemoteWriteBackend up = backend();
        Exporter<Metrics> second = exporter(up.url(), withWal(Duration.ofMillis(20)));
        second.start(new TestHost());
        waitFor(() -> delivered(up).size() >= 2);
        second.shutdown();

        assertThat(delivered(up)).containsExactly(1.0, 2.0);
        assertThat(test.logger.contains("replaying write-ahead log")).isTrue();
    }

    @Test
    void aBatchTheEndpointRejectsIsDroppedFromTheWal() throws Exception {
        RemoteWriteBackend backend = backend().answering(400);
        Exporter<Metrics> exporter = exporter(backend.url(), withWal(Duration.ofMillis(20)));
        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, counter(T0, 1));
        waitFor(() -> backend.requests.size() == 1);
        exporter.consume(RequestContext.EMPTY, counter(T0 + SECOND, 2));
        waitFor(() -> backend.requests.size() == 2);
        Thread.sleep(100);
        exporter.shutdown();

        assertThat(backend.requests).hasSize(2);
        assertThat(test.logger.contains("dropping write-ahead log batch rejected by the remote endpoint")).isTrue();
        String[] id = {"exporter", "prometheus_remote_write/wal"};
        String[] endpoint = {"exporter", "prometheus_remote_write/wal", "endpoint", backend.url()};
        String prefix = "otelcol_exporter_prometheusremotewrite_";
        assertThat(test.meter.counter(prefix + "wal_send_failed_batches", id)).isEqualTo(1);
        assertThat(test.meter.counter(prefix + "wal_send_failed_samples", id)).isEqualTo(1);
        assertThat(test.meter.counter(prefix + "wal_writes", id)).isEqualTo(2);
        assertThat(test.meter.counter(prefix + "wal_bytes_written", id)).isPositive();
        assertThat(test.meter.counter(prefix + "wal_reads", id)).isEqualTo(2);
        assertThat(test.meter.counter(prefix + "sent_batches", endpoint)).isEqualTo(2);
        assertThat(test.meter.counter(prefix + "translated_time_series", endpoint)).isEqualTo(2);
        assertThat(test.meter.gauge(prefix + "consumers", endpoint)).isNull();
    }

    @Test
    void seriesAreSplitIntoRequestsOfAtMostMaxBatchSizeBytesNeverSplittingASeries() throws Exception {
        RemoteWriteBackend backend = backend();
        Metrics metrics = new Metrics();
        var sum = metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("c")
                .setEmptySum().setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        for (int i = 0; i < 20; i++) {
            sum.dataPoints().addNew().setDoubleValue(i).setTimeUnixNano(T0).attributes().put("n", "v" + i);
        }
        Exporter<Metrics> exporter = exporter(backend.url(), c -> c.withBatching(120, 4));
        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, metrics);
        exporter.shutdown();

        assertThat(backend.requests).hasSizeGreaterThan(3);
        List<String> series = new ArrayList<>();
        for (RemoteWriteBackend.Request r : backend.requests) {
            assertThat(WriteRequests.encode(r.series()).length).isLessThan(120 + 60);
            r.series().forEach(ts -> series.add(ts.labels().get("n")));
        }
        assertThat(series).hasSize(20).doesNotHaveDuplicates();
    }

    private RemoteWriteBackend backend() throws Exception {
        RemoteWriteBackend b = new RemoteWriteBackend();
        backends.add(b);
        return b;
    }

    private java.util.function.UnaryOperator<PrwExporterConfig> withWal(Duration truncate) {
        return c -> c.withWal(new PrwExporterConfig.Wal(dir.toString(), 0, truncate, Duration.ZERO));
    }

    private Exporter<Metrics> exporter(String url, java.util.function.UnaryOperator<PrwExporterConfig> tweak) {
        PrwExporterConfig config = tweak.apply(PrwExporterConfig.defaults().withEndpoint(url).withRetry(FAST)
                .withQueue(new PrwExporterConfig.RemoteWriteQueue(false, 10, 1)).withExternalLabels(Map.of()));
        config.validate();
        return new PrwExporterFactory().createMetrics(test.settings, config);
    }

    /** The values the backend accepted (answered 2xx), in arrival order. */
    private static List<Double> delivered(RemoteWriteBackend backend) {
        List<Double> out = new ArrayList<>();
        for (RemoteWriteBackend.Request r : backend.requests) {
            if (r.status() / 100 == 2) {
                for (TimeSeries ts : series(r)) {
                    if (ts.name().equals("c_total")) {
                        ts.samples().forEach(s -> out.add(s.value()));
                    }
                }
            }
        }
        return out;
    }

    private static List<TimeSeries> series(RemoteWriteBackend.Request r) {
        try {
            return r.series();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Metrics counter(long time, double value) {
        Metrics metrics = new Metrics();
        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("c").setEmptySum()
                .setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.CUMULATIVE).dataPoints()
                .addNew().setDoubleValue(value).setTimeUnixNano(time);
        return metrics;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10s");
            }
            Thread.sleep(10);
        }
    }
}
