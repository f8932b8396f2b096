package io.otelier.exporter.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.http.Headers;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import io.otelier.helper.prometheus.testing.RealPrometheus;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExporterTest {

    static final long T = 1_700_000_000_000_000_000L;
    private final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "prometheus");

    @Test
    void everyPointTypeInTheTextFormat() {
        PrometheusExporter exporter = new PrometheusExporter(PromExporterConfig.defaults(), test.logger,
                Clock.systemUTC());
        exporter.consume(RequestContext.EMPTY, sample());

        String text = body(exporter.scrape(request("")));

        assertThat(text).isEqualTo("""
                # HELP http_server_duration_seconds Request time.
                # TYPE http_server_duration_seconds histogram
                http_server_duration_seconds_bucket{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0",le="0.5"} 2
                http_server_duration_seconds_bucket{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0",le="1"} 5
                http_server_duration_seconds_bucket{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0",le="+Inf"} 6
                http_server_duration_seconds_sum{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 4.5
                http_server_duration_seconds_count{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 6
                # HELP latency_seconds\s
                # TYPE latency_seconds summary
                latency_seconds{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0",quantile="0.5"} 0.25
                latency_seconds_sum{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 10
                latency_seconds_count{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 40
                # HELP requests_total Requests.
                # TYPE requests_total counter
                requests_total{job="shop/api",method="GET",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 7
                # HELP utilization_ratio\s
                # TYPE utilization_ratio gauge
                utilization_ratio{job="shop/api",otel_scope_name="lib",otel_scope_schema_url="",otel_scope_version="1.0"} 0.5
                """);
        assertThat(exporter.scrape(request("")).contentType()).isEqualTo(
                "text/plain; version=0.0.4; charset=utf-8; escaping=underscores");
    }

    @Test
    void openMetricsWhenEnabledAndAccepted() {
        PromExporterConfig d = PromExporterConfig.defaults();
        PromExporterConfig config = new PromExporterConfig("", null, "otel", Map.of("env", "prod"), true,
                d.metricExpiration(), d.resourceToTelemetryConversion(), true, true, true, d.resourceConstantLabels(), "");
        PrometheusExporter exporter = new PrometheusExporter(config, test.logger, Clock.systemUTC());
        Metrics m = new Metrics();
        var rm = m.resourceMetrics().addNew();
        rm.resource().attributes().put("service.name", "api").put("service.instance.id", "i1").put("host.name", "h");
        rm.scopeMetrics().addNew().metrics().addNew().setName("requests").setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE).dataPoints().addNew().setIntValue(3)
                .setTimeUnixNano(T + 1_500_000);
        exporter.consume(RequestContext.EMPTY, m);

        HttpResponse om = exporter.scrape(request("application/openmetrics-text;version=1.0.0,text/plain;q=0.5"));

        assertThat(om.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(body(om)).isEqualTo("""
                # HELP otel_requests\s
                # TYPE otel_requests counter
                otel_requests_total{env="prod",instance="i1",job="api"} 3.0 1.700000000001e+09
                # HELP otel_target_info Target metadata
                # TYPE otel_target_info gauge
                otel_target_info{host_name="h",instance="i1",job="api"} 1.0
                # EOF
                """);
        assertThat(body(exporter.scrape(request("")))).contains(
                "otel_requests_total{env=\"prod\",instance=\"i1\",job=\"api\"} 3 1700000000001\n");
    }

    @Test
    void resourceConstantLabelsCopyTheChosenResourceAttributes() {
        PromExporterConfig d = PromExporterConfig.defaults();
        PrometheusExporter exporter = new PrometheusExporter(new PromExporterConfig("", null, "", Map.of(), false,
                d.metricExpiration(), d.resourceToTelemetryConversion(), false, true, true,
                new io.otelier.helper.prometheus.ResourceToTelemetry(false, false, List.of("service.*"),
                        List.of("service.namespace")), "UnderscoreEscapingWithoutSuffixes"), test.logger,
                Clock.systemUTC());
        exporter.consume(RequestContext.EMPTY, sample());

        assertThat(body(exporter.scrape(request("")))).contains(
                "requests{job=\"shop/api\",method=\"GET\",service_name=\"api\"} 7\n");
    }

    @Test
    void deltaSumsAreAccumulatedWhileContiguousAndSeriesExpire() {
        MutableClock clock = new MutableClock();
        PromExporterConfig d = PromExporterConfig.defaults();
        PrometheusExporter exporter = new PrometheusExporter(new PromExporterConfig("", null, "", Map.of(), false,
                Duration.ofMinutes(1), d.resourceToTelemetryConversion(), false, true, true, d.resourceConstantLabels(), ""),
                test.logger, clock);
        exporter.consume(RequestContext.EMPTY, delta(T, T + 10, 2));
        exporter.consume(RequestContext.EMPTY, delta(T + 10, T + 20, 3));
        assertThat(body(exporter.scrape(request("")))).contains("d_total 5\n");
        exporter.consume(RequestContext.EMPTY, delta(T + 30, T + 40, 4));
        assertThat(body(exporter.scrape(request("")))).contains("d_total 4\n");

        clock.now = clock.now.plusSeconds(61);
        assertThat(body(exporter.scrape(request("")))).isEmpty();
    }

    /** The exporter's /metrics scraped by a real Prometheus; the series are queryable there. */
    @Test
    void aRealPrometheusScrapesIt() throws Exception {
        PromExporterFactory factory = new PromExporterFactory();
        PromExporterConfig config = factory.createDefaultConfig().withEndpoint("127.0.0.1:0");
        config.validate();
        PrometheusExporter exporter = (PrometheusExporter) factory.createMetrics(test.settings, config);
        exporter.start(new TestHost());
        try {
            exporter.consume(RequestContext.EMPTY, sample());
            int port = exporter.address().getPort();
            try (RealPrometheus prometheus = RealPrometheus.start("""
                      - job_name: otelier
                        scrape_interval: 1s
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(port))) {
                List<Map<String, String>> found = prometheus.awaitSeries("requests_total", 1, Duration.ofSeconds(20));
                assertThat(found).singleElement().satisfies(s -> assertThat(s).containsEntry("method", "GET")
                        .containsEntry("exported_job", "shop/api").containsEntry("job", "otelier")
                        .containsEntry("otel_scope_name", "lib"));
                assertThat(prometheus.awaitSeries("http_server_duration_seconds_bucket", 3, Duration.ofSeconds(10)))
                        .hasSize(3);
                assertThat(prometheus.awaitSeries("latency_seconds", 1, Duration.ofSeconds(10))).hasSize(1);
            }
        } finally {
            exporter.shutdown();
        }
    }

    @Test
    void lifecycleLeavesNoThreads() throws Exception {
        PromExporterFactory factory = new PromExporterFactory();
        Threads.assertNoneLeftBy(() -> {
            var exporter = factory.createMetrics(test.settings,
                    factory.createDefaultConfig().withEndpoint("127.0.0.1:0"));
            exporter.start(new TestHost());
            exporter.consume(RequestContext.EMPTY, sample());
            String body = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + ((PrometheusExporter) exporter).address().getPort() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("requests_total");
            exporter.shutdown();
        });
    }

    static Metrics sample() {
        Metrics m = new Metrics();
        var rm = m.resourceMetrics().addNew();
        rm.resource().attributes().put("service.name", "api").put("service.namespace", "shop");
        ScopeMetrics sm = rm.scopeMetrics().addNew();
        sm.scope().setName("lib").setVersion("1.0");
        var counter = sm.metrics().addNew().setName("requests").setDescription("Requests.").setEmptySum()
                .setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        counter.dataPoints().addNew().setIntValue(7).setTimeUnixNano(T).attributes().put("method", "GET");
        sm.metrics().addNew().setName("utilization").setUnit("1").setEmptyGauge().dataPoints().addNew()
                .setDoubleValue(0.5).setTimeUnixNano(T);
        var h = sm.metrics().addNew().setName("http.server.duration").setUnit("s").setDescription("Request time.")
                .setEmptyHistogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE).dataPoints()
                .addNew().setTimeUnixNano(T).setCount(6).setSum(4.5);
        h.setExplicitBounds(new double[] {0.5, 1}).setBucketCounts(new long[] {2, 3, 1});
        var q = sm.metrics().addNew().setName("latency").setUnit("s").setEmptySummary().dataPoints().addNew()
                .setTimeUnixNano(T).setCount(40).setSum(10);
        q.quantileValues().addNew().setQuantile(0.5).setValue(0.25);
        return m;
    }

    private static Metrics delta(long start, long end, int value) {
        Metrics m = new Metrics();
        m.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("d").setEmptySum()
                .setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.DELTA).dataPoints().addNew()
                .setStartTimeUnixNano(start).setTimeUnixNano(end).setIntValue(value);
        return m;
    }

    private static HttpRequest request(String accept) {
        return new HttpRequest("GET", "/metrics", "", Headers.of(accept.isEmpty() ? Map.of() : Map.of("Accept",
                accept)), new byte[0], null);
    }

    private static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
