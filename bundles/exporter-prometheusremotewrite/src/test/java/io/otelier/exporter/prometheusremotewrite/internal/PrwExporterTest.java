package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.testkit.ExporterLifecycle;
import io.otelier.testkit.RecordingObsReport;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exporter against a loopback endpoint: the wire format, headers, retries and the lifecycle. */
class PrwExporterTest {

    static final long TIME = 1_700_000_000_123_456_789L;
    static final RetrySettings FAST_RETRY = new RetrySettings(true, Duration.ofMillis(10), 0, 1.5,
            Duration.ofMillis(50), Duration.ofSeconds(30));

    private final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "prometheus_remote_write/test");
    private final RecordingObsReport obs = new RecordingObsReport();
    private final CreateSettings settings = test.reportingTo(obs);
    private final PrwExporterFactory factory = new PrwExporterFactory();
    private RemoteWriteBackend backend;

    @BeforeEach
    void startBackend() throws Exception {
        backend = new RemoteWriteBackend();
    }

    @AfterEach
    void stopBackend() throws Exception {
        backend.close();
    }

    @Test
    void sendsSnappyProtobufWithTheRemoteWriteHeaders() throws Exception {
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(true, FAST_RETRY,
                Map.of("X-Scope-OrgID", "tenant-1")));

        ExporterLifecycle.run(exporter, cpuTime(), obs);

        assertThat(backend.requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/write");
            assertThat(r.header("Content-Encoding")).isEqualTo("snappy");
            assertThat(r.header("Content-Type")).isEqualTo("application/x-protobuf");
            assertThat(r.header("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
            assertThat(r.header("User-Agent")).isEqualTo(settings.buildInfo().userAgent());
            assertThat(r.header("X-Scope-OrgID")).isEqualTo("tenant-1");
            TreeMap<String, String> labels = new TreeMap<>(Map.of("__name__", "system_cpu_time_seconds_total",
                    "cpu", "cpu0", "state", "user", "oteltest", "cndt2023"));
            assertThat(r.series()).containsExactly(new TimeSeries(labels,
                    List.of(new TimeSeries.Sample(1234.5, 1_700_000_000_123L))));
        });
    }

    @Test
    void withSendMetadataEachMetricsTypeHelpAndUnitIsSentInItsOwnRequest() throws Exception {
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(false, FAST_RETRY, Map.of())
                .withSendMetadata(true));

        ExporterLifecycle.run(exporter, cpuTime(), obs);

        assertThat(backend.requests).hasSize(2);
        List<TimeSeries> series = new java.util.ArrayList<>();
        List<MetricMetadata> metadata = new java.util.ArrayList<>();
        for (RemoteWriteBackend.Request r : backend.requests) {
            series.addAll(r.series());
            metadata.addAll(WriteRequestDecoder.decodeMetadata(org.xerial.snappy.Snappy.uncompress(r.body())));
        }
        assertThat(series).hasSize(1);
        assertThat(metadata).containsExactly(new MetricMetadata(MetricMetadata.COUNTER,
                "system_cpu_time_seconds_total", "", "seconds"));
    }

    @Test
    void theEncodingRoundTripsEveryValueShape() throws Exception {
        List<TimeSeries> series = List.of(
                new TimeSeries(new TreeMap<>(Map.of("__name__", "a", "x", "ü ✓")),
                        List.of(new TimeSeries.Sample(0, 0), new TimeSeries.Sample(-1.5, 1),
                                new TimeSeries.Sample(Double.MAX_VALUE, Long.MAX_VALUE),
                                new TimeSeries.Sample(Double.NEGATIVE_INFINITY, -5))),
                new TimeSeries(new TreeMap<>(Map.of("__name__", "b")), List.of()));

        assertThat(WriteRequestDecoder.decodeSnappy(WriteRequests.compressed(series))).isEqualTo(series);
        assertThat(WriteRequestDecoder.decode(WriteRequests.encode(List.of()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAndThrottlingAreRetried(int status) throws Exception {
        backend.answering(status, status);
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(false, FAST_RETRY, Map.of()));
        exporter.start(new TestHost());

        exporter.consume(RequestContext.EMPTY, cpuTime());
        exporter.shutdown();

        assertThat(backend.requests).hasSize(3);
        assertThat(backend.requests.get(2).series()).isEqualTo(backend.requests.get(0).series());
        assertThat(test.logger.contains("failed to send WriteRequest to remote endpoint")).isTrue();
    }

    /** Other 4xx are permanent (429 is retried: see RemoteWriteClient). */
    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 413, 422})
    void clientErrorsArePermanent(int status) throws Exception {
        backend.answering(status);
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(false, FAST_RETRY, Map.of()));
        exporter.start(new TestHost());

        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, cpuTime()))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("remote write request failed (HTTP " + status + ")");
        exporter.shutdown();

        assertThat(backend.requests).hasSize(1);
    }

    @Test
    void withRetriesOffAServerErrorFailsAtOnce() throws Exception {
        backend.answering(503);
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(false, RetrySettings.disabled(),
                Map.of()));
        exporter.start(new TestHost());

        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, cpuTime()))
                .hasMessageContaining("HTTP 503");
        exporter.shutdown();

        assertThat(backend.requests).hasSize(1);
    }

    @Test
    void anEndpointThatIsDownIsRetriedUntilItAnswers() throws Exception {
        String url = backend.url();
        backend.close();
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(url, false, new RetrySettings(true,
                Duration.ofMillis(10), 0, 1, Duration.ofMillis(10), Duration.ofMillis(300)), Map.of()));
        exporter.start(new TestHost());

        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, cpuTime()))
                .hasMessageContaining("Post \"" + url + "\"");
        exporter.shutdown();
    }

    @Test
    void metricsThatTranslateToNothingSendNothing() throws Exception {
        Metrics delta = new Metrics();
        var sum = delta.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("d")
                .setEmptySum().setAggregationTemporality(AggregationTemporality.DELTA).setIsMonotonic(true);
        sum.dataPoints().addNew().setIntValue(1).setTimeUnixNano(TIME);
        Exporter<Metrics> exporter = factory.createMetrics(settings, config(false, FAST_RETRY, Map.of()));
        exporter.start(new TestHost());

        exporter.consume(RequestContext.EMPTY, delta);
        exporter.shutdown();

        assertThat(backend.requests).isEmpty();
    }

    @Test
    void lifecycleLeavesNoThreads() throws Exception {
        // one round first, so that process-wide statics (the JDK HTTP client's) exist before threads are counted
        ExporterLifecycle.run(factory.createMetrics(settings, config(true, FAST_RETRY, Map.of())), cpuTime(), obs);

        Threads.assertNoneLeftBy(() -> ExporterLifecycle.run(factory.createMetrics(settings,
                config(true, FAST_RETRY, Map.of())), cpuTime(), obs), RemoteWriteBackend.THREADS);

        assertThat(backend.requests).hasSize(2);
    }

    @Test
    void aNeverStartedExporterShutsDownCleanly() throws Exception {
        Threads.assertNoneLeftBy(() -> factory.createMetrics(settings, config(true, FAST_RETRY, Map.of()))
                .shutdown(), RemoteWriteBackend.THREADS);
    }

    /** The hands-on's series: a cumulative monotonic double sum, unit s, with an external label added. */
    static Metrics cpuTime() {
        Metrics metrics = new Metrics();
        var sum = metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew()
                .setName("system.cpu.time").setUnit("s").setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        NumberDataPoint p = sum.dataPoints().addNew().setDoubleValue(1234.5).setTimeUnixNano(TIME);
        p.attributes().put("cpu", "cpu0").put("state", "user");
        return metrics;
    }

    private PrwExporterConfig config(boolean queue, RetrySettings retry, Map<String, String> headers) {
        return config(backend.url(), queue, retry, headers);
    }

    private static PrwExporterConfig config(String url, boolean queue, RetrySettings retry,
            Map<String, String> headers) {
        return PrwExporterConfig.defaults().withEndpoint(url).withHeaders(headers).withRetry(retry)
                .withQueue(new PrwExporterConfig.RemoteWriteQueue(queue, 100, 5))
                .withExternalLabels(Map.of("oteltest", "cndt2023"));
    }
}
