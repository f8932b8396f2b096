package io.otelier.receiver.prometheus.internal;

import static io.otelier.receiver.prometheus.internal.ScrapeFixture.attrs;
import static io.otelier.receiver.prometheus.internal.ScrapeFixture.byName;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The receiver end to end against in-test HTTP targets: lifecycle, bad targets, auth, file_sd refresh. */
class PrometheusReceiverTest {

    @TempDir
    Path dir;

    private final PrometheusReceiverFactory factory = new PrometheusReceiverFactory();

    static PrometheusReceiverConfig config(String yaml) {
        Map<String, Object> tree = new Yaml().load(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> prom = (Map<String, Object>) tree.get("config");
        PrometheusReceiverConfig c = new PrometheusReceiverConfig(prom, false, false, true, Duration.ZERO);
        c.validate();
        return c;
    }

    /** up per instance (job/instance from the resource), last value seen. */
    static Map<String, Double> upByInstance(List<Metrics> batches) {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Metrics m : batches) {
            for (ResourceMetrics rm : m.resourceMetrics()) {
                String instance = attrs(rm.resource().attributes()).get("service.instance.id");
                rm.scopeMetrics().forEach(sm -> sm.metrics().forEach(metric -> {
                    if (metric.name().equals("up")) {
                        out.put(instance, metric.gauge().dataPoints().get(0).doubleValue());
                    }
                }));
            }
        }
        return out;
    }

    @Test
    void healthyTargetsFlowWhileBadOnesReportUpZero() throws Exception {
        try (TestTargets targets = new TestTargets()) {
            String a = targets.address();
            PrometheusReceiverConfig config = config("""
                    config:
                      scrape_configs:
                        - job_name: healthy
                          scrape_interval: 1s
                          scrape_timeout: 500ms
                          static_configs: [{targets: ['%1$s'], labels: {team: core}}]
                        - job_name: bad
                          scrape_interval: 1s
                          scrape_timeout: 500ms
                          metrics_path: /bad
                          static_configs: [{targets: ['%1$s']}]
                        - job_name: slow
                          scrape_interval: 1s
                          scrape_timeout: 500ms
                          metrics_path: /slow
                          static_configs: [{targets: ['%1$s']}]
                    """.formatted(a));
            TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "prometheus");
            SinkConsumer<Metrics> sink = new SinkConsumer<>();

            Threads.assertNoneLeftBy(() -> {
                Receiver receiver = factory.createMetrics(ts.settings, config, sink);
                receiver.start(new TestHost());
                assertThat(sink.await(() -> jobsSeen(sink).containsAll(Set.of("healthy", "bad", "slow"))
                        && healthyBatches(sink) >= 3, 20, TimeUnit.SECONDS)).as("all jobs reported").isTrue();
                receiver.shutdown();
            }, TestTargets.THREAD_PREFIX, "Keep-Alive-Timer", "HTTP-Dispatcher", "server-timer");

            Map<String, Double> upByJob = new java.util.TreeMap<>();
            for (Metrics m : sink.received()) {
                for (ResourceMetrics rm : m.resourceMetrics()) {
                    String job = attrs(rm.resource().attributes()).get("service.name");
                    Metric up = byNameIn(rm, "up");
                    if (up != null) {
                        upByJob.put(job, up.gauge().dataPoints().get(0).doubleValue());
                    }
                }
            }
            assertThat(upByJob).containsEntry("healthy", 1.0).containsEntry("bad", 0.0).containsEntry("slow", 0.0);

            Metrics healthy = sink.received().stream().filter(m -> jobOf(m).equals("healthy")).findFirst().orElseThrow();
            Metric requests = byName(healthy).get("test_requests_total");
            assertThat(requests.sum().dataPoints().get(0).doubleValue()).isEqualTo(42);
            assertThat(attrs(requests.sum().dataPoints().get(0).attributes()))
                    .containsEntry("code", "200").containsEntry("team", "core");
            assertThat(targets.acceptHeaders.get(0)).isEqualTo("application/openmetrics-text;version=1.0.0;"
                    + "escaping=allow-utf-8;q=0.7,application/openmetrics-text;version=0.0.1;q=0.6,"
                    + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.3");
            assertThat(targets.userAgents.get(0)).isEqualTo("otelcol-test/0.0.0-test");
            assertThat(targets.timeoutHeaders.get(0)).isEqualTo("0.5");
            assertThat(ts.logger.entries()).anySatisfy(e -> {
                assertThat(e.message()).isEqualTo("Failed to scrape Prometheus endpoint");
                assertThat(e.fields().toString()).contains("context deadline exceeded");
            });
            assertThat(ts.logger.entries()).anySatisfy(e -> assertThat(e.fields().toString())
                    .contains("line 2, column 17: expected '=' after label name, got \"2\""));
        }
    }

    @Test
    void basicAuthFromPasswordFile() throws Exception {
        Path secret = dir.resolve("password");
        Files.writeString(secret, "s3cr3t\n");
        try (TestTargets targets = new TestTargets()) {
            PrometheusReceiverConfig config = config("""
                    config:
                      scrape_configs:
                        - job_name: private
                          scrape_interval: 1s
                          metrics_path: /private
                          basic_auth: {username: user, password_file: '%s'}
                          static_configs: [{targets: ['%s']}]
                    """.formatted(secret, targets.address()));
            SinkConsumer<Metrics> sink = new SinkConsumer<>();
            Receiver receiver = factory.createMetrics(TestSettings.of(ComponentKind.RECEIVER, "prometheus").settings,
                    config, sink);
            receiver.start(new TestHost());
            try {
                assertThat(sink.await(() -> sink.received().stream().anyMatch(m -> byName(m).containsKey("private_metric")),
                        10, TimeUnit.SECONDS)).isTrue();
            } finally {
                receiver.shutdown();
            }
            assertThat(targets.privateHits.get()).isPositive();
        }
    }

    @Test
    void fileSdTargetsFollowTheFile() throws Exception {
        try (TestTargets one = new TestTargets(); TestTargets two = new TestTargets()) {
            Path file = dir.resolve("targets.json");
            Files.writeString(file, "[{\"targets\": [\"" + one.address() + "\"], \"labels\": {\"env\": \"a\"}}]");
            PrometheusReceiverConfig config = config("""
                    config:
                      scrape_configs:
                        - job_name: files
                          scrape_interval: 500ms
                          file_sd_configs: [{files: ['%s'], refresh_interval: 1m}]
                    """.formatted(dir.resolve("*.json")));
            SinkConsumer<Metrics> sink = new SinkConsumer<>();
            PrometheusReceiver receiver = new PrometheusReceiver(
                    TestSettings.of(ComponentKind.RECEIVER, "prometheus").settings, config, sink, Duration.ofMillis(200));
            receiver.start(new TestHost());
            try {
                assertThat(sink.await(() -> upByInstance(sink.received()).containsKey(one.address()), 10,
                        TimeUnit.SECONDS)).isTrue();
                Metrics first = sink.received().get(0);
                assertThat(attrs(byName(first).get("test_temperature").gauge().dataPoints().get(0).attributes()))
                        .containsEntry("env", "a").doesNotContainKey("__meta_filepath");

                Files.writeString(file, "- targets: ['" + two.address() + "']\n", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(file, dir.resolve("targets-renamed.json"));
                sink.reset();
                assertThat(sink.await(() -> upByInstance(sink.received()).containsKey(two.address()), 10,
                        TimeUnit.SECONDS)).as("the new file's target is scraped").isTrue();
                assertThat(staleUpFor(sink.received(), one.address())).as("the removed target gets stale markers")
                        .isTrue();
                sink.reset();
                Thread.sleep(1200);
                assertThat(upByInstance(sink.received())).containsOnlyKeys(two.address());
                assertThat(receiver.targetCount()).isEqualTo(1);
            } finally {
                receiver.shutdown();
            }
        }
    }

    @Test
    void scrapeOnShutdownScrapesOnceMore() throws Exception {
        try (TestTargets targets = new TestTargets()) {
            Map<String, Object> prom = new Yaml().load("""
                    scrape_configs:
                      - job_name: once
                        scrape_interval: 1h
                        static_configs: [{targets: ['%s']}]
                    """.formatted(targets.address()));
            PrometheusReceiverConfig config = new PrometheusReceiverConfig(prom, false, true, true, Duration.ZERO);
            SinkConsumer<Metrics> sink = new SinkConsumer<>();
            Receiver receiver = factory.createMetrics(TestSettings.of(ComponentKind.RECEIVER, "prometheus").settings,
                    config, sink);
            receiver.start(new TestHost());
            Thread.sleep(300);
            receiver.shutdown();
            assertThat(sink.batchCount()).as("an hourly target, scraped once at shutdown").isGreaterThanOrEqualTo(1);
        }
    }

    private static boolean staleUpFor(List<Metrics> batches, String instance) {
        for (Metrics m : batches) {
            for (ResourceMetrics rm : m.resourceMetrics()) {
                if (instance.equals(attrs(rm.resource().attributes()).get("service.instance.id"))) {
                    Metric up = byNameIn(rm, "up");
                    if (up != null && up.gauge().dataPoints().get(0).noRecordedValue()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Metric byNameIn(ResourceMetrics rm, String name) {
        for (var sm : rm.scopeMetrics()) {
            for (Metric metric : sm.metrics()) {
                if (metric.name().equals(name)) {
                    return metric;
                }
            }
        }
        return null;
    }

    private static String jobOf(Metrics m) {
        return attrs(m.resourceMetrics().get(0).resource().attributes()).get("service.name");
    }

    private static Set<String> jobsSeen(SinkConsumer<Metrics> sink) {
        Set<String> jobs = new HashSet<>();
        sink.received().forEach(m -> jobs.add(jobOf(m)));
        return jobs;
    }

    private static long healthyBatches(SinkConsumer<Metrics> sink) {
        return sink.received().stream().filter(m -> jobOf(m).equals("healthy")).count();
    }
}
