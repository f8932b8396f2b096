package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.Level;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import io.otelier.testkit.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver as the runtime drives it: factory, timer, one batch per scrape, shutdown without leftovers. */
class HostMetricsReceiverTest {

    private final HostMetricsReceiverFactory factory = new HostMetricsReceiverFactory();

    @TempDir
    Path root;

    @Test
    void factoryIsUpstreams() {
        assertThat(factory.type()).isEqualTo("host_metrics");
        assertThat(factory.deprecatedType()).hasValue("hostmetrics");
        assertThat(factory.kind()).isEqualTo(ComponentKind.RECEIVER);
        assertThat(factory.signals()).isEqualTo(Map.of(Signal.METRICS, Stability.BETA));
    }

    @Test
    void scrapesEveryIntervalIntoOneBatchAndLeavesNoThread() throws Exception {
        TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "hostmetrics");
        SinkConsumer<Metrics> sink = new SinkConsumer<>();
        HostMetricsConfig config = new HostMetricsConfig(Duration.ofMillis(100), Duration.ZERO, "", Duration.ZERO,
                new HostMetricsConfig.Scrapers(ScraperSettings.defaults(), null, null, null,
                        ScraperSettings.defaults(), null, null, null, null, null));
        config.validate();

        Threads.assertNoneLeftBy(() -> {
            Receiver receiver = factory.createMetrics(ts.settings, config, sink);
            receiver.start(new TestHost());
            assertThat(sink.await(() -> sink.batchCount() >= 3, 10, TimeUnit.SECONDS)).isTrue();
            receiver.shutdown();
        });

        int batches = sink.batchCount();
        Thread.sleep(300);
        assertThat(sink.batchCount()).as("no scrape after shutdown").isEqualTo(batches);
        Metrics first = sink.received().get(0);
        assertThat(first.resourceMetrics().size()).as("one resource per scraper").isEqualTo(2);
        ResourceMetrics cpu = first.resourceMetrics().get(0);
        assertThat(cpu.resource().attributes().isEmpty()).as("no resource attributes by default").isTrue();
        assertThat(cpu.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.9.0");
        ScopeMetrics cpuScope = cpu.scopeMetrics().get(0);
        assertThat(cpuScope.scope().name()).isEqualTo(
                "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/scraper/cpuscraper");
        assertThat(cpuScope.scope().version()).isEqualTo(ts.settings.buildInfo().version());
        assertThat(Scrapes.names(cpuScope)).containsExactly("system.cpu.logical.count", "system.cpu.time");
        ScopeMetrics memoryScope = first.resourceMetrics().get(1).scopeMetrics().get(0);
        assertThat(memoryScope.scope().name()).endsWith("/internal/scraper/memoryscraper");
        assertThat(Scrapes.names(memoryScope)).containsExactly("system.memory.usage");

        double firstUser = Scrapes.point(metric(cpuScope, "system.cpu.time"), "state", "user").doubleValue();
        ScopeMetrics lastCpu = sink.received().get(batches - 1).resourceMetrics().get(0).scopeMetrics().get(0);
        assertThat(Scrapes.point(metric(lastCpu, "system.cpu.time"), "state", "user").doubleValue())
                .as("cumulative").isGreaterThanOrEqualTo(firstUser);
    }

    @Test
    void aFailingScraperIsLoggedAndTheOthersStillReport() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 2 3 4 5 6 7 8\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/cpuinfo"), "processor\t: 0\n");
        TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "hostmetrics");
        SinkConsumer<Metrics> sink = new SinkConsumer<>();
        HostMetricsConfig config = new HostMetricsConfig(Duration.ofMinutes(1), Duration.ZERO, root.toString(),
                Duration.ZERO, new HostMetricsConfig.Scrapers(ScraperSettings.defaults(), null, null, null,
                        ScraperSettings.defaults(), null, null, null, null, null));
        HostMetricsReceiver receiver = (HostMetricsReceiver) factory.createMetrics(ts.settings, config, sink);
        receiver.start(new TestHost());
        try {
            assertThat(sink.await(() -> sink.batchCount() >= 1, 10, TimeUnit.SECONDS)).isTrue();
        } finally {
            receiver.shutdown();
        }

        Metrics batch = sink.received().get(0);
        assertThat(batch.resourceMetrics().size()).as("memory has no meminfo under the root").isEqualTo(1);
        ScopeMetrics cpu = batch.resourceMetrics().get(0).scopeMetrics().get(0);
        assertThat(Scrapes.point(metric(cpu, "system.cpu.time"), "state", "user").doubleValue()).isEqualTo(0.01);
        assertThat(ts.logger.at(Level.ERROR)).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Error scraping metrics");
            assertThat(e.fields()).containsExactly("scraper", "memory");
            assertThat(e.error()).hasMessageContaining("meminfo");
        });
    }

    @Test
    void aPartlyFailingScraperSendsWhatItRead() throws Exception {
        Files.createDirectories(root.resolve("proc/net"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 2 3 4 5 6 7 8\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/net/dev"), "Inter-|\n face |\n  eth0: 1 2 3 4 0 0 0 0 5 6 7 8 0 0 0 0\n");
        TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "hostmetrics");
        SinkConsumer<Metrics> sink = new SinkConsumer<>();
        HostMetricsConfig config = new HostMetricsConfig(Duration.ofMinutes(1), Duration.ZERO, root.toString(),
                Duration.ZERO, new HostMetricsConfig.Scrapers(null, null, null, null, null,
                        NetworkSettings.defaults(), null, null, null, null));
        Receiver receiver = factory.createMetrics(ts.settings, config, sink);
        receiver.start(new TestHost());
        try {
            assertThat(sink.await(() -> sink.batchCount() >= 1, 10, TimeUnit.SECONDS)).isTrue();
        } finally {
            receiver.shutdown();
        }

        ScopeMetrics network = sink.received().get(0).resourceMetrics().get(0).scopeMetrics().get(0);
        assertThat(Scrapes.names(network)).as("no /proc/net/tcp under the root").containsExactly(
                "system.network.dropped", "system.network.errors", "system.network.io", "system.network.packets");
        assertThat(Scrapes.point(metric(network, "system.network.io"), "device", "eth0", "direction", "transmit")
                .intValue()).isEqualTo(5);
        assertThat(ts.logger.at(Level.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.error()).hasMessageStartingWith("failed to read TCP connections"));
    }

    @Test
    void aRefusingConsumerDoesNotStopTheTimer() throws Exception {
        TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "hostmetrics");
        AtomicInteger calls = new AtomicInteger();
        Consumer<Metrics> refusing = new Consumer<>() {
            @Override
            public void consume(RequestContext context, Metrics data) throws ConsumerException {
                calls.incrementAndGet();
                throw new ConsumerException("refused");
            }

            @Override
            public boolean mutatesData() {
                return false;
            }
        };
        HostMetricsConfig config = new HostMetricsConfig(Duration.ofMillis(50), Duration.ZERO, "", Duration.ZERO,
                new HostMetricsConfig.Scrapers(null, null, null, null, ScraperSettings.defaults(), null, null, null,
                        null, null));
        Receiver receiver = factory.createMetrics(ts.settings, config, refusing);
        receiver.start(new TestHost());
        try {
            assertThat(Waiting.eventually(() -> calls.get() >= 3, Duration.ofSeconds(10))).isTrue();
        } finally {
            receiver.shutdown();
        }
        assertThat(ts.logger.at(Level.ERROR)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.error()).hasMessage("refused"));
    }
}
