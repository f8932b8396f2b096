package io.otelier.receiver.prometheus.internal;

import static io.otelier.receiver.prometheus.internal.ScrapeFixture.OPEN_METRICS;
import static io.otelier.receiver.prometheus.internal.ScrapeFixture.TEXT;
import static io.otelier.receiver.prometheus.internal.ScrapeFixture.attrs;
import static io.otelier.receiver.prometheus.internal.ScrapeFixture.byName;
import static io.otelier.receiver.prometheus.internal.ScrapeFixture.gaugeValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prometheus families → OTLP, as upstream's transaction maps them. */
class MetricMappingTest {

    private static final String JOB = "scrape_configs: [{job_name: node, static_configs: [{targets: [x]}]}]";
    private static final long T = 1_700_000_000_000L;

    @Test
    void counterBecomesCumulativeMonotonicSum() {
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, """
                # HELP http_requests_total Requests served.
                # TYPE http_requests_total counter
                http_requests_total{code="200",method="get"} 1027
                http_requests_total{code="400",method="post"} 3 1395066363000
                """, T);
        Metric metric = byName(m).get("http_requests_total");
        assertThat(metric.type()).isEqualTo(MetricType.SUM);
        assertThat(metric.description()).isEqualTo("Requests served.");
        assertThat(metric.unit()).isEmpty();
        assertThat(metric.metadata().getOrNull("prometheus.type").asString()).isEqualTo("counter");
        assertThat(metric.sum().isMonotonic()).isTrue();
        assertThat(metric.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        NumberDataPoint first = metric.sum().dataPoints().get(0);
        assertThat(first.doubleValue()).isEqualTo(1027);
        assertThat(first.timeUnixNano()).isEqualTo(T * 1_000_000);
        assertThat(first.startTimeUnixNano()).as("no created timestamp: no start time, as upstream v0.165").isZero();
        assertThat(attrs(first.attributes())).containsExactly(entry("code", "200"), entry("method", "get"));
        assertThat(metric.sum().dataPoints().get(1).timeUnixNano()).as("honor_timestamps")
                .isEqualTo(1395066363000L * 1_000_000);
    }

    @Test
    void resourceAndScopeAreUpstreams() {
        ScrapeFixture f = new ScrapeFixture(JOB, "10.1.2.3:9100", false);
        Metrics m = f.scrape(TEXT, "g 1\n", T);
        ResourceMetrics rm = m.resourceMetrics().get(0);
        assertThat(attrs(rm.resource().attributes())).containsExactly(entry("service.name", "node"),
                entry("service.instance.id", "10.1.2.3:9100"), entry("server.address", "10.1.2.3"),
                entry("server.port", "9100"), entry("url.scheme", "http"));
        assertThat(rm.scopeMetrics().get(0).scope().name()).isEqualTo(MetricsAssembler.SCOPE_NAME);
        assertThat(rm.scopeMetrics().get(0).scope().version()).isEqualTo("0.1.0");

        Metrics local = new ScrapeFixture(JOB, "localhost:9100", false).scrape(TEXT, "g 1\n", T);
        assertThat(attrs(local.resourceMetrics().get(0).resource().attributes()))
                .as("a loopback name is no server.address").doesNotContainKey("server.address")
                .containsEntry("server.port", "9100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gauge|# TYPE x gauge\\nx 1\\n|GAUGE|gauge",
        "untyped|# TYPE x untyped\\nx 1\\n|GAUGE|unknown",
        "no type line|x 1\\n|GAUGE|unknown",
        "info (OpenMetrics)|# TYPE x info\\nx_info{v=\"1\"} 1\\n# EOF\\n|SUM|info",
        "stateset (OpenMetrics)|# TYPE x stateset\\nx{x=\"a\"} 1\\n# EOF\\n|SUM|stateset",
        "gaugehistogram (OpenMetrics)|# TYPE x gaugehistogram\\nx_bucket{le=\"+Inf\"} 1\\n# EOF\\n|GAUGE|gaugehistogram"})
    void typesMapLikeUpstream(String name, String body, MetricType type, String promType) {
        String text = body.replace("\\n", "\n");
        Metrics m = new ScrapeFixture(JOB).scrape(text.contains("# EOF") ? OPEN_METRICS : TEXT, text, T);
        Metric metric = byName(m).values().iterator().next();
        assertThat(metric.type()).isEqualTo(type);
        assertThat(metric.metadata().getOrNull("prometheus.type").asString()).isEqualTo(promType);
        if (type == MetricType.SUM) {
            assertThat(metric.sum().isMonotonic()).as("info and stateset are non-monotonic").isFalse();
        }
    }

    @Test
    void histogramGroupsBucketsSumAndCount() {
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, """
                # TYPE rpc_duration_seconds histogram
                rpc_duration_seconds_bucket{svc="a",le="0.05"} 24054
                rpc_duration_seconds_bucket{svc="a",le="0.1"} 33444
                rpc_duration_seconds_bucket{svc="a",le="0.5"} 129389
                rpc_duration_seconds_bucket{svc="a",le="+Inf"} 144320
                rpc_duration_seconds_sum{svc="a"} 53423
                rpc_duration_seconds_count{svc="a"} 144320
                rpc_duration_seconds_bucket{svc="b",le="0.05"} 1
                rpc_duration_seconds_bucket{svc="b",le="+Inf"} 2
                rpc_duration_seconds_count{svc="b"} 2
                """, T);
        Metric metric = byName(m).get("rpc_duration_seconds");
        assertThat(metric.type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(metric.histogram().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        HistogramDataPoint a = metric.histogram().dataPoints().get(0);
        assertThat(a.explicitBounds()).containsExactly(0.05, 0.1, 0.5);
        assertThat(a.bucketCounts()).containsExactly(24054, 9390, 95945, 14931);
        assertThat(a.count()).isEqualTo(144320);
        assertThat(a.sum()).isEqualTo(53423);
        assertThat(attrs(a.attributes())).containsExactly(entry("svc", "a"));
        HistogramDataPoint b = metric.histogram().dataPoints().get(1);
        assertThat(b.hasSum()).as("no _sum series").isFalse();
        assertThat(b.bucketCounts()).containsExactly(1, 1);
    }

    @Test
    void histogramWithDecreasingBucketsIsDropped() {
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, """
                # TYPE h histogram
                h_bucket{le="1"} 5
                h_bucket{le="2"} 3
                h_bucket{le="+Inf"} 5
                h_count 5
                """, T);
        assertThat(byName(m)).doesNotContainKey("h");
    }

    @Test
    void summaryKeepsQuantiles() {
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, """
                # TYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="1"} 0.04
                go_gc_duration_seconds{quantile="0.5"} 0.01
                go_gc_duration_seconds_sum 1.5
                go_gc_duration_seconds_count 99
                """, T);
        Metric metric = byName(m).get("go_gc_duration_seconds");
        assertThat(metric.type()).isEqualTo(MetricType.SUMMARY);
        SummaryDataPoint p = metric.summary().dataPoints().get(0);
        assertThat(p.count()).isEqualTo(99);
        assertThat(p.sum()).isEqualTo(1.5);
        assertThat(p.quantileValues().stream().map(q -> q.quantile() + "=" + q.value()))
                .containsExactly("0.5=0.01", "1.0=0.04");
        assertThat(attrs(p.attributes())).isEmpty();
    }

    @Test
    void openMetricsCreatedGivesStartTimeAndUnitBecomesUcum() {
        Metrics m = new ScrapeFixture(JOB).scrape(OPEN_METRICS, """
                # TYPE process_cpu_seconds counter
                # UNIT process_cpu_seconds seconds
                # HELP process_cpu_seconds CPU time.
                process_cpu_seconds_total 4.2
                process_cpu_seconds_created 1700000000.5
                # EOF
                """, T);
        Metric metric = byName(m).get("process_cpu_seconds_total");
        assertThat(metric.type()).isEqualTo(MetricType.SUM);
        assertThat(metric.unit()).isEqualTo("s");
        assertThat(metric.description()).isEqualTo("CPU time.");
        NumberDataPoint p = metric.sum().dataPoints().get(0);
        assertThat(p.doubleValue()).isEqualTo(4.2);
        assertThat(p.startTimeUnixNano()).isEqualTo(1_700_000_000_500_000_000L);
        assertThat(byName(m)).doesNotContainKey("process_cpu_seconds_created");
    }

    @Test
    void reportSeriesCountSamplesAndNewSeries() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        String body = "a 1\nb 2\nc{x=\"1\"} 3\n";
        Metrics first = f.scrape(TEXT, body, T);
        assertThat(gaugeValue(first, "up")).isEqualTo(1);
        assertThat(gaugeValue(first, "scrape_samples_scraped")).isEqualTo(3);
        assertThat(gaugeValue(first, "scrape_samples_post_metric_relabeling")).isEqualTo(3);
        assertThat(gaugeValue(first, "scrape_series_added")).isEqualTo(3);
        Metric duration = byName(first).get("scrape_duration_seconds");
        assertThat(duration.unit()).isEqualTo("s");
        assertThat(duration.description()).isEqualTo("Duration of the scrape");
        assertThat(byName(first).get("up").description()).isEqualTo("The scraping was successful");
        assertThat(attrs(byName(first).get("up").gauge().dataPoints().get(0).attributes()))
                .as("job and instance live in the resource").isEmpty();

        Metrics second = f.scrape(TEXT, body, T + 1000);
        assertThat(gaugeValue(second, "scrape_series_added")).isZero();
        assertThat(byName(second).get("up").gauge().dataPoints().get(0).timeUnixNano())
                .isEqualTo((T + 1000) * 1_000_000);
    }

    @Test
    void vanishedSeriesGetStalenessMarkers() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        f.scrape(TEXT, "# TYPE a gauge\na 1\nb 2\n", T);
        Metrics m = f.scrape(TEXT, "# TYPE a gauge\na 1\n", T + 1000);
        NumberDataPoint stale = byName(m).get("b").gauge().dataPoints().get(0);
        assertThat(stale.noRecordedValue()).isTrue();
        assertThat(stale.flags()).isEqualTo(1);
        assertThat(byName(m).get("a").gauge().dataPoints().get(0).noRecordedValue()).isFalse();

        Metrics third = f.scrape(TEXT, "# TYPE a gauge\na 1\n", T + 2000);
        assertThat(byName(third)).as("a marker is written once").doesNotContainKey("b");
    }

    @Test
    void malformedScrapeIsUpZeroWithStaleMarkersForWhatWasThere() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        f.scrape(TEXT, "a 1\n", T);
        Metrics m = f.scrape(TEXT, "a 1\nthis is not valid\n", T + 1000);
        assertThat(gaugeValue(m, "up")).isZero();
        assertThat(byName(m).get("a").gauge().dataPoints().get(0).noRecordedValue()).isTrue();
        assertThat(f.logger.entries()).anySatisfy(e -> {
            assertThat(e.message()).isEqualTo("Failed to scrape Prometheus endpoint");
            assertThat(e.fields().toString()).contains("line 2, column 6: invalid value \"is\"");
        });
    }

    @Test
    void repeatedFailuresAreLoggedOncePerMinute() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        for (int i = 0; i < 5; i++) {
            Metrics m = f.failed(new IOException("connection refused"), T + i);
            assertThat(gaugeValue(m, "up")).isZero();
        }
        assertThat(f.logger.entries()).filteredOn(e -> e.message().startsWith("Failed to scrape")).hasSize(1);
    }

    @Test
    void conflictingLabelsAreExportedUnlessHonored() {
        String body = "m{job=\"scraped\",instance=\"i\"} 1\n";
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, body, T);
        assertThat(attrs(byName(m).get("m").gauge().dataPoints().get(0).attributes()))
                .containsExactly(entry("exported_instance", "i"), entry("exported_job", "scraped"));
        assertThat(attrs(m.resourceMetrics().get(0).resource().attributes())).containsEntry("service.name", "node");

        Metrics honored = new ScrapeFixture("scrape_configs: [{job_name: node, honor_labels: true}]").scrape(TEXT,
                body, T);
        assertThat(honored.resourceMetrics().stream().map(r -> attrs(r.resource().attributes()).get("service.name")))
                .as("the scraped job wins, so it gets its own resource").contains("scraped", "node");
    }

    @Test
    void metricRelabelingDropsAndRewrites() {
        Metrics m = new ScrapeFixture("""
                scrape_configs:
                  - job_name: node
                    metric_relabel_configs:
                      - source_labels: [__name__]
                        regex: go_.*
                        action: drop
                      - source_labels: [mode]
                        target_label: state
                      - regex: mode
                        action: labeldrop
                """).scrape(TEXT, "go_goroutines 5\ncpu{mode=\"idle\"} 1\n", T);
        assertThat(byName(m)).doesNotContainKey("go_goroutines");
        assertThat(attrs(byName(m).get("cpu").gauge().dataPoints().get(0).attributes()))
                .containsExactly(entry("state", "idle"));
        assertThat(gaugeValue(m, "scrape_samples_scraped")).isEqualTo(2);
        assertThat(gaugeValue(m, "scrape_samples_post_metric_relabeling")).isEqualTo(1);
    }

    @Test
    void targetInfoAndScopeLabels() {
        Metrics m = new ScrapeFixture(JOB).scrape(TEXT, """
                target_info{deployment_environment="prod"} 1
                m{otel_scope_name="lib",otel_scope_version="1.2",otel_scope_flavor="x",k="v"} 1
                """, T);
        ResourceMetrics rm = m.resourceMetrics().get(0);
        assertThat(attrs(rm.resource().attributes())).containsEntry("deployment_environment", "prod");
        assertThat(byName(m)).doesNotContainKey("target_info");
        var scope = rm.scopeMetrics().stream().filter(s -> s.scope().name().equals("lib")).findFirst().orElseThrow();
        assertThat(scope.scope().version()).isEqualTo("1.2");
        assertThat(attrs(scope.scope().attributes())).containsExactly(entry("flavor", "x"));
        assertThat(attrs(scope.metrics().get(0).gauge().dataPoints().get(0).attributes()))
                .containsExactly(entry("k", "v"));
    }

    @Test
    void exemplarsCarryTraceAndSpanIds() {
        Metrics m = new ScrapeFixture(JOB).scrape(OPEN_METRICS, """
                # TYPE c counter
                c_total 3 # {trace_id="0af7651916cd43dd8448eb211c80319c",span_id="b7ad6b7169203331",user="u"} 1 1700000000.25
                # EOF
                """, T);
        var e = byName(m).get("c_total").sum().dataPoints().get(0).exemplars().get(0);
        assertThat(e.traceId().toHex()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(e.spanId().toHex()).isEqualTo("b7ad6b7169203331");
        assertThat(attrs(e.filteredAttributes())).containsExactly(entry("user", "u"));
        assertThat(e.timeUnixNano()).isEqualTo(1_700_000_000_250_000_000L);
        assertThat(e.doubleValue()).isEqualTo(1);
    }

    @Test
    void trimSuffixesAndExternalLabels() {
        ScrapeFixture f = new ScrapeFixture("""
                global: {external_labels: {cluster: c1}}
                scrape_configs: [{job_name: node}]
                """, "localhost:1", true);
        Metrics m = f.scrape(OPEN_METRICS, """
                # TYPE req_seconds counter
                # UNIT req_seconds seconds
                req_seconds_total 1
                # EOF
                """, T);
        Metric metric = byName(m).get("req");
        assertThat(metric).as("trimmed name").isNotNull();
        assertThat(attrs(metric.sum().dataPoints().get(0).attributes())).containsExactly(entry("cluster", "c1"));
    }

    @Test
    void sampleLimitFailsTheScrape() {
        Metrics m = new ScrapeFixture("scrape_configs: [{job_name: node, sample_limit: 2}]").scrape(TEXT,
                "a 1\nb 1\nc 1\n", T);
        assertThat(gaugeValue(m, "up")).isZero();
        assertThat(byName(m)).doesNotContainKeys("a", "b", "c");
    }

    @Test
    void extraScrapeMetricsWhenEnabled() {
        Metrics m = new ScrapeFixture("scrape_configs: [{job_name: node, extra_scrape_metrics: true, sample_limit: 10}]")
                .scrape(TEXT, "a 1\n", T);
        assertThat(byName(m)).containsKeys("scrape_timeout_seconds", "scrape_sample_limit", "scrape_body_size_bytes");
        assertThat(gaugeValue(m, "scrape_sample_limit")).isEqualTo(10);
        assertThat(gaugeValue(m, "scrape_body_size_bytes")).isEqualTo(4);
        assertThat(gaugeValue(m, "scrape_timeout_seconds")).isEqualTo(10);
    }

    @Test
    void contentTypeChoosesTheParser() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        assertThat(f.loop.isOpenMetrics("application/openmetrics-text; version=1.0.0")).isTrue();
        assertThat(f.loop.isOpenMetrics("text/plain; version=0.0.4")).isFalse();
        assertThat(f.loop.isOpenMetrics(null)).as("fallback PrometheusText0.0.4").isFalse();
        assertThat(f.loop.isOpenMetrics("text/html")).isFalse();
    }

    @Test
    void duplicateSamplesAreDroppedAndCounted() {
        ScrapeFixture f = new ScrapeFixture(JOB);
        Metrics m = f.scrape(TEXT, "a 1\na 2\n", T);
        assertThat(gaugeValue(m, "a")).isEqualTo(1);
        assertThat(gaugeValue(m, "up")).isEqualTo(1);
        assertThat(f.logger.contains("Error on ingesting samples with different value but same timestamp")).isTrue();
        assertThat(Map.of()).isEmpty();
    }
}
