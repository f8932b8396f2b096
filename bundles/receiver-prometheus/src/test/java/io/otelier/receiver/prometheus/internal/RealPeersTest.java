package io.otelier.receiver.prometheus.internal;

import static io.otelier.receiver.prometheus.internal.ScrapeFixture.attrs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Needs the real peers (see {@link RealPeers}): the receiver scrapes node-exporter and Prometheus's own
 * /metrics next to a target serving malformed text and one that times out; values match a direct scrape.
 */
class RealPeersTest {

    @TempDir
    Path dir;

    @Test
    void scrapesNodeExporterAndPrometheusLikeADirectScrape() throws Exception {
        try (RealPeers peers = new RealPeers(dir); TestTargets bad = new TestTargets()) {
            String node = peers.startNodeExporter();
            String prometheus = peers.startPrometheus();
            PrometheusReceiverConfig config = PrometheusReceiverTest.config("""
                    config:
                      global: {scrape_interval: 1s, scrape_timeout: 900ms}
                      scrape_configs:
                        - job_name: node
                          static_configs: [{targets: ['%s']}]
                        - job_name: prometheus
                          static_configs: [{targets: ['%s']}]
                        - job_name: malformed
                          metrics_path: /bad
                          static_configs: [{targets: ['%s']}]
                        - job_name: timeout
                          scrape_timeout: 300ms
                          metrics_path: /slow
                          static_configs: [{targets: ['%3$s']}]
                    """.formatted(node, prometheus, bad.address()));
            TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "prometheus");
            SinkConsumer<Metrics> sink = new SinkConsumer<>();
            Receiver receiver = new PrometheusReceiverFactory().createMetrics(ts.settings, config, sink);
            receiver.start(new TestHost());
            try {
                assertThat(sink.await(() -> batchesOf(sink, "node") >= 3 && batchesOf(sink, "prometheus") >= 3
                        && batchesOf(sink, "malformed") >= 2 && batchesOf(sink, "timeout") >= 2, 30, TimeUnit.SECONDS))
                        .as("every job reported repeatedly").isTrue();

                Map<String, Double> up = lastUp(sink.received());
                assertThat(up).containsEntry("node", 1.0).containsEntry("prometheus", 1.0)
                        .containsEntry("malformed", 0.0).containsEntry("timeout", 0.0);

                // node-exporter: compare the latest receiver batch with a direct scrape taken right after it
                Metrics nodeBatch = lastOf(sink, "node");
                Map<String, Double> direct = directSamples("http://" + node + "/metrics");
                Metric cpu = metricIn(nodeBatch, "node_cpu_seconds_total");
                assertThat(cpu.type()).isEqualTo(MetricType.SUM);
                assertThat(cpu.sum().isMonotonic()).isTrue();
                int compared = 0;
                for (NumberDataPoint p : cpu.sum().dataPoints()) {
                    Map<String, String> a = attrs(p.attributes());
                    String key = "node_cpu_seconds_total{cpu=\"" + a.get("cpu") + "\", mode=\"" + a.get("mode") + "\"}";
                    assertThat(direct).containsKey(key);
                    assertThat(direct.get(key)).as(key).isCloseTo(p.doubleValue(), within(3.0))
                            .isGreaterThanOrEqualTo(p.doubleValue());
                    compared++;
                }
                assertThat(compared).isPositive().isEqualTo((int) direct.keySet().stream()
                        .filter(k -> k.startsWith("node_cpu_seconds_total{")).count());
                Metric memTotal = metricIn(nodeBatch, "node_memory_MemTotal_bytes");
                assertThat(memTotal.type()).isEqualTo(MetricType.GAUGE);
                assertThat(memTotal.gauge().dataPoints().get(0).doubleValue())
                        .isEqualTo(direct.get("node_memory_MemTotal_bytes{}"));
                assertThat(memTotal.description()).isEqualTo("Memory information field MemTotal_bytes.");

                // Prometheus: build info labels and a histogram
                Metrics promBatch = lastOf(sink, "prometheus");
                Map<String, Double> promDirect = directSamples("http://" + prometheus + "/metrics");
                Metric buildInfo = metricIn(promBatch, "prometheus_build_info");
                Map<String, String> labels = attrs(buildInfo.gauge().dataPoints().get(0).attributes());
                String directKey = promDirect.keySet().stream().filter(k -> k.startsWith("prometheus_build_info{"))
                        .findFirst().orElseThrow();
                assertThat(labelsText("prometheus_build_info", labels)).isEqualTo(directKey);
                assertThat(labels).containsEntry("version", "2.42.0+ds");
                Metric requests = metricIn(promBatch, "prometheus_http_request_duration_seconds");
                assertThat(requests.type()).isEqualTo(MetricType.HISTOGRAM);
                assertThat(requests.histogram().dataPoints().get(0).explicitBounds()).isNotEmpty();
                assertThat(attrs(promBatch.resourceMetrics().get(0).resource().attributes()))
                        .containsEntry("service.name", "prometheus").containsEntry("service.instance.id", prometheus)
                        .containsEntry("url.scheme", "http");

                // the healthy targets keep flowing after the bad ones failed
                long nodeBefore = batchesOf(sink, "node");
                assertThat(sink.await(() -> batchesOf(sink, "node") >= nodeBefore + 2, 10, TimeUnit.SECONDS)).isTrue();
                assertThat(ts.logger.entries()).anySatisfy(e -> assertThat(e.fields().toString())
                        .contains("job=\"malformed\"").contains("expected '=' after label name"));
                assertThat(ts.logger.entries()).anySatisfy(e -> assertThat(e.fields().toString())
                        .contains("job=\"timeout\"").contains("context deadline exceeded"));
            } finally {
                receiver.shutdown();
            }
        }
    }

    @Test
    void aMissingPeerSkipsUnlessPeersAreRequired() {
        Path missing = Path.of("/nonexistent/prometheus");
        if (System.getenv("OTELIER_REQUIRE_PEERS") != null) {
            assertThatThrownBy(() -> RealPeers.require(missing)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("OTELIER_REQUIRE_PEERS is set");
        } else {
            assertThatThrownBy(() -> RealPeers.require(missing)).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("/nonexistent/prometheus is not installed");
        }
    }

    /** Samples of a direct text-format scrape by {@code name{labels}} (labels as Prometheus prints them). */
    private static Map<String, Double> directSamples(String url) throws Exception {
        byte[] body = RealPeers.scrapeText(url);
        ExpositionParser p = new ExpositionParser(body, body.length, false);
        Map<String, Double> out = new HashMap<>();
        for (var e = p.next(); e != ExpositionParser.Entry.EOF; e = p.next()) {
            if (e == ExpositionParser.Entry.SERIES) {
                Labels l = p.labels();
                LabelsBuilder without = l.toBuilder().delete("__name__");
                out.put(l.get("__name__") + without.labels(), p.value());
            }
        }
        return out;
    }

    private static String labelsText(String name, Map<String, String> attrs) {
        LabelsBuilder lb = new LabelsBuilder();
        attrs.forEach(lb::set);
        return name + lb.labels();
    }

    private static String jobOf(Metrics m) {
        return attrs(m.resourceMetrics().get(0).resource().attributes()).get("service.name");
    }

    private static long batchesOf(SinkConsumer<Metrics> sink, String job) {
        return sink.received().stream().filter(m -> jobOf(m).equals(job)).count();
    }

    private static Metrics lastOf(SinkConsumer<Metrics> sink, String job) {
        List<Metrics> all = sink.received().stream().filter(m -> jobOf(m).equals(job)).toList();
        return all.get(all.size() - 1);
    }

    private static Metric metricIn(Metrics m, String name) {
        Metric metric = ScrapeFixture.byName(m).get(name);
        assertThat(metric).as(name).isNotNull();
        return metric;
    }

    private static Map<String, Double> lastUp(List<Metrics> batches) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metrics m : batches) {
            for (ResourceMetrics rm : m.resourceMetrics()) {
                Metric up = ScrapeFixture.byName(m).get("up");
                if (up != null) {
                    out.put(attrs(rm.resource().attributes()).get("service.name"),
                            up.gauge().dataPoints().get(0).doubleValue());
                }
            }
        }
        return out;
    }
}
