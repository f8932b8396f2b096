package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.receiver.Receiver;
import io.otelier.exporter.debug.internal.DebugExporterFactory;
import io.otelier.helper.prometheus.testing.RealPrometheus;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.receiver.hostmetrics.internal.HostMetricsConfig;
import io.otelier.receiver.hostmetrics.internal.HostMetricsReceiverFactory;
import io.otelier.runtime.internal.config.CollectorConfig;
import io.otelier.runtime.internal.config.ConfigLoader;
import io.otelier.runtime.internal.config.ConfigResolver;
import io.otelier.runtime.internal.config.FactoryLookup;
import io.otelier.testkit.RecordingObsReport;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hands-on's metrics pipeline (examples/handson/metrics-collector.yaml, bound by the collector's own loader;
 * the endpoint and the collection interval changed with --set) against a real Prometheus the test starts.
 * hostmetrics v0.165 made system.cpu.time's {@code cpu} attribute opt-in; the hands-on's per-CPU series are
 * asked for with {@code metrics: {system.cpu.time: {attributes: [cpu, state]}}}.
 * Skipped without the {@code prometheus} binary unless {@code OTELIER_REQUIRE_PEERS} is set (CI).
 */
class RealPrometheusRemoteWriteTest {

    static final Path HANDS_ON = Path.of("../../examples/handson/metrics-collector.yaml");
    /** hostmetrics' cpu scraper on Linux: system.cpu.time's state values. */
    static final int CPU_STATES = 8;

    @TempDir
    Path dir;

    @Test
    void theHandsOnSeriesAreQueryableByTheirPrometheusNames() throws Exception {
        try (RealPrometheus prometheus = RealPrometheus.start("")) {
            CollectorConfig config = handsOn(prometheus, "1s");
            RecordingObsReport obs = new RecordingObsReport();
            try (Pipeline pipeline = Pipeline.start(config, obs)) {
                int cpus = cpus();
                List<Map<String, String>> cpu = prometheus.awaitSeries(
                        "system_cpu_time_seconds_total{oteltest=\"cndt2023\"}", cpus * CPU_STATES,
                        Duration.ofSeconds(20));
                Set<String> pairs = new HashSet<>();
                cpu.forEach(s -> pairs.add(s.get("cpu") + "×" + s.get("state")));
                assertThat(pairs).hasSize(cpus * CPU_STATES).contains("cpu0×user", "cpu0×system", "cpu0×idle");
                assertThat(cpu).allSatisfy(s -> assertThat(s).containsEntry("otel_scope_name",
                        "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/scraper/cpuscraper"));
                List<Map<String, String>> memory = prometheus.awaitSeries(
                        "system_memory_usage_bytes{oteltest=\"cndt2023\"}", 1, Duration.ofSeconds(10));
                assertThat(memory).extracting(s -> s.get("state")).contains("used", "free");

                // Prometheus answers 400 to samples far older than its head: permanent, dropped and counted (the
                // hands-on's queue is on, so the failure shows in send_failed, not in consume)
                long sentBefore = obs.sent.get();
                pipeline.exporter.consume(RequestContext.EMPTY, ancientCounter());
                assertThat(Waiting.eventually(() -> obs.sendFailed.get() == 1, Duration.ofSeconds(10))).isTrue();
                assertThat(Waiting.eventually(() -> obs.sent.get() > sentBefore, Duration.ofSeconds(10))).isTrue();
                assertThat(pipeline.exporterTest.logger.contains("failed to send WriteRequest to remote endpoint"))
                        .isTrue();
            }
        }
    }

    /**
     * Prometheus stopped for 30 s and started again on the same port and storage: the WAL keeps what could not be
     * sent, so the samples of the outage arrive afterwards and there is no gap.
     */
    @Test
    void anOutageOfPrometheusLeavesNoGap() throws Exception {
        double interval = 2;
        try (RealPrometheus prometheus = RealPrometheus.start("")) {
            CollectorConfig config = handsOn(prometheus, "2s",
                    "exporters::prometheusremotewrite::wal::directory=" + dir,
                    "exporters::prometheusremotewrite::wal::truncate_frequency=1s",
                    "exporters::prometheusremotewrite::retry_on_failure::max_interval=1s");
            String series = "system_memory_usage_bytes{oteltest=\"cndt2023\",state=\"used\"}";
            try (Pipeline pipeline = Pipeline.start(config, new RecordingObsReport())) {
                assertThat(prometheus.awaitSeries(series, 1, Duration.ofSeconds(20))).hasSize(1);
                Thread.sleep(4_000);
                double down = System.currentTimeMillis() / 1000.0;
                prometheus.stop();
                Thread.sleep(30_000);
                prometheus.restart();
                double up = System.currentTimeMillis() / 1000.0;
                Thread.sleep(6_000);
                double end = System.currentTimeMillis() / 1000.0;

                List<List<Double>> samples = prometheus.sampleTimes(series + "[5m]");
                assertThat(samples).hasSize(1);
                List<Double> times = samples.get(0);
                long before = times.stream().filter(t -> t < down).count();
                long during = times.stream().filter(t -> t >= down && t < up).count();
                long after = times.stream().filter(t -> t >= up).count();
                System.out.printf("outage %.1fs: samples before %d, during %d, after %d (interval %.0fs)%n",
                        up - down, before, during, after, interval);
                assertThat(during).isGreaterThanOrEqualTo((long) ((up - down) / interval) - 1);
                List<Double> gaps = new ArrayList<>();
                for (int i = 1; i < times.size(); i++) {
                    gaps.add(times.get(i) - times.get(i - 1));
                }
                assertThat(gaps).as("gaps between samples (s) at %s", times).allSatisfy(g -> assertThat(g).isLessThan(
                        interval * 1.75));
                assertThat(times.get(times.size() - 1)).isGreaterThan(end - 3 * interval);
            }
        }
    }

    /** The hands-on file with the endpoint pointed at the test's Prometheus and a shorter interval. */
    private CollectorConfig handsOn(RealPrometheus prometheus, String interval, String... sets) throws Exception {
        assertThat(HANDS_ON).exists();
        List<String> all = new ArrayList<>(List.of(
                "exporters::prometheusremotewrite::endpoint=" + prometheus.remoteWriteUrl(),
                "receivers::hostmetrics::collection_interval=" + interval,
                "receivers::hostmetrics::scrapers::cpu::metrics={system.cpu.time: {attributes: [cpu, state]}}"));
        all.addAll(List.of(sets));
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(HANDS_ON.toString()),
                all);
        return new ConfigLoader(FactoryLookup.of(new HostMetricsReceiverFactory(), new PrwExporterFactory(),
                new DebugExporterFactory()), resolved.sources()).load(resolved.tree()).config();
    }

    /** hostmetrics → prometheus_remote_write, created and started as the runtime would. */
    private static final class Pipeline implements AutoCloseable {
        final TestSettings exporterTest = TestSettings.of(ComponentKind.EXPORTER, "prometheusremotewrite");
        Exporter<Metrics> exporter;
        Receiver receiver;

        static Pipeline start(CollectorConfig config, RecordingObsReport obs) throws Exception {
            PrwExporterConfig exporterConfig = (PrwExporterConfig) config.exporters().get(
                    ComponentId.parse("prometheusremotewrite"));
            HostMetricsConfig receiverConfig = (HostMetricsConfig) config.receivers().get(
                    ComponentId.parse("hostmetrics"));
            Pipeline p = new Pipeline();
            p.exporter = new PrwExporterFactory().createMetrics(p.exporterTest.reportingTo(obs), exporterConfig);
            p.receiver = new HostMetricsReceiverFactory().createMetrics(
                    TestSettings.of(ComponentKind.RECEIVER, "hostmetrics").settings, receiverConfig, p.exporter);
            p.exporter.start(new TestHost());
            p.receiver.start(new TestHost());
            return p;
        }

        @Override
        public void close() throws Exception {
            receiver.shutdown();
            exporter.shutdown();
        }
    }

    private static int cpus() throws Exception {
        return (int) Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
    }

    private static Metrics ancientCounter() {
        Metrics metrics = new Metrics();
        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("ancient")
                .setEmptySum().setIsMonotonic(true).setAggregationTemporality(AggregationTemporality.CUMULATIVE)
                .dataPoints().addNew().setDoubleValue(1).setTimeUnixNano(1_000_000_000L);
        return metrics;
    }
}
