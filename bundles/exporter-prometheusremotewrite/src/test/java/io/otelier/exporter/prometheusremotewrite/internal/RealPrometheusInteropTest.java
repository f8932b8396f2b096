package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against a real Prometheus started by {@code interop/run-prometheus-remote-write.sh} (which sets
 * {@code OTELIER_PROMETHEUS_URL}); skipped everywhere else, CI included.
 */
class RealPrometheusInteropTest {

    private static final String PROMETHEUS = System.getenv("OTELIER_PROMETHEUS_URL");

    @Test
    void theHandsOnSeriesArriveAndAreQueryable() throws Exception {
        assumeTrue(PROMETHEUS != null, "OTELIER_PROMETHEUS_URL not set: run interop/run-prometheus-remote-write.sh");
        Exporter<Metrics> exporter = exporter();
        exporter.start(new TestHost());
        long now = System.currentTimeMillis() * 1_000_000L;
        try {
            exporter.consume(RequestContext.EMPTY, hostmetrics(now));
        } finally {
            exporter.shutdown();
        }

        assertThat(waitForSeries("system_cpu_time_seconds_total{oteltest=\"cndt2023\"}", 4))
                .contains("\"cpu\":\"cpu1\"", "\"state\":\"system\"", "\"otel_scope_name\":\"cpuscraper\"");
        assertThat(waitForSeries("system_memory_usage_bytes{oteltest=\"cndt2023\",state=\"used\"}", 1))
                .contains("\"1048576\"");
    }

    /**
     * Prometheus answers 400 to samples far older than its head block (once the head holds data): upstream treats
     * that as permanent.
     */
    @Test
    void aRejectedWriteIsPermanent() throws Exception {
        assumeTrue(PROMETHEUS != null, "OTELIER_PROMETHEUS_URL not set: run interop/run-prometheus-remote-write.sh");
        Exporter<Metrics> exporter = exporter();
        exporter.start(new TestHost());
        try {
            exporter.consume(RequestContext.EMPTY, hostmetrics(System.currentTimeMillis() * 1_000_000L));
            assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, hostmetrics(1_000_000_000L)))
                    .isInstanceOf(PermanentException.class).hasMessageContaining("HTTP 400");
        } finally {
            exporter.shutdown();
        }
    }

    private static Exporter<Metrics> exporter() {
        PrwExporterConfig d = PrwExporterConfig.defaults();
        PrwExporterConfig config = new PrwExporterConfig(PROMETHEUS + "/api/v1/write", d.proxyUrl(), d.tls(),
                d.readBufferSize(), d.writeBufferSize(), d.timeout(), d.headers(), d.compression(),
                d.compressionParams(), d.maxConnsPerHost(), d.forceAttemptHttp2(), d.cookies(), d.retryOnFailure(),
                "", new PrwExporterConfig.RemoteWriteQueue(false, 10, 5), Map.of("oteltest", "cndt2023"),
                d.resourceToTelemetryConversion(), d.targetInfo(), false, true);
        config.validate();
        return new PrwExporterFactory().createMetrics(
                TestSettings.of(ComponentKind.EXPORTER, "prometheus_remote_write").settings, config);
    }

    /** What hostmetrics' cpu and memory scrapers produce, in shape. */
    private static Metrics hostmetrics(long timeUnixNano) {
        Metrics metrics = new Metrics();
        var rm = metrics.resourceMetrics().addNew();
        var cpu = rm.scopeMetrics().addNew();
        cpu.scope().setName("cpuscraper");
        Metric time = cpu.metrics().addNew().setName("system.cpu.time").setUnit("s");
        var sum = time.setEmptySum().setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        for (String c : new String[] {"cpu0", "cpu1"}) {
            for (String state : new String[] {"user", "system"}) {
                var p = sum.dataPoints().addNew().setDoubleValue(100.5).setTimeUnixNano(timeUnixNano);
                p.attributes().put("cpu", c).put("state", state);
            }
        }
        var memory = rm.scopeMetrics().addNew();
        memory.scope().setName("memoryscraper");
        var usage = memory.metrics().addNew().setName("system.memory.usage").setUnit("By").setEmptySum()
                .setIsMonotonic(false).setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        usage.dataPoints().addNew().setIntValue(1_048_576).setTimeUnixNano(timeUnixNano).attributes()
                .put("state", "used");
        return metrics;
    }

    /** Polls the instant query API until {@code count} series answer; returns the JSON. */
    private static String waitForSeries(String query, int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(PROMETHEUS + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.split("\"metric\"", -1).length - 1 == count) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + count + " series for " + query + ", Prometheus answered " + body);
    }
}
