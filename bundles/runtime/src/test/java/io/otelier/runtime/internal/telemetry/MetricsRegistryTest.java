package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.telemetry.LongCounter;
import io.otelier.api.telemetry.MetricsLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    private static final Map<String, String> RESOURCE = Map.of("service.name", "otelcol",
            "service.version", "0.1.0", "service.instance.id", "0b7b2c1c-4d0e-4a0e-9a57-6e0f3f1a2b3c");

    /** The same content for both goldens: helper counters, a component gauge and process-like instruments. */
    private static MetricsRegistry populated() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL, RESOURCE);
        ObsMetrics obs = new ObsMetrics(registry);
        obs.receiverAccepted("traces", "otlp", "grpc", 10);
        obs.receiverRefused("traces", "otlp", "grpc", 2);
        obs.receiverAccepted("metrics", "otlp", "http", 1_234_567);
        obs.exporterSent("traces", "debug", 8);
        obs.exporterSendFailed("traces", "debug", 4);
        obs.processorIncoming("traces", "batch", 10);
        obs.processorOutgoing("traces", "batch", 10);
        registry.gauge("otelcol_exporter_queue_size", "Current size of the retry queue (in batches). [Alpha]",
                "{batch}", () -> 3, "exporter", "otlp", "data_type", "traces");
        MetricsRegistry.Scope service = registry.scope(ProcessMetrics.SCOPE);
        service.observableCounter("otelcol_process_uptime", "Uptime of the process [Alpha]", "s", () -> 12.5);
        service.observableCounter("otelcol_process_cpu_seconds", "Total CPU user and system time in seconds [Alpha]",
                "s", () -> 0.75);
        service.gauge("otelcol_process_memory_rss", "Total physical memory (resident set size) [Alpha]", "By",
                () -> 104_857_600);
        return registry;
    }

    @Test
    void rendersUpstreamDefaultShape() throws IOException {
        assertThat(populated().render()).isEqualTo(golden("default-format.prom"));
    }

    @Test
    void rendersSuffixesScopeLabelsAndResourceLabelsWhenAskedFor() throws IOException {
        PrometheusFormat format = new PrometheusFormat(false, false, false,
                PrometheusFormat.includeExclude(List.of("service.name"), List.of()));

        assertThat(populated().render(format)).isEqualTo(golden("suffixes-and-scope.prom"));
    }

    @Test
    void suffixesNeedBothWithoutOptionsToBeDropped() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        registry.counter("requests", "", "{request}").add(1);

        assertThat(registry.render(new PrometheusFormat(true, true, false, null))).contains("requests_total 1");
        assertThat(registry.render(new PrometheusFormat(true, false, true, null))).contains("requests_total 1");
        assertThat(registry.render(new PrometheusFormat(true, true, true, null))).contains("\nrequests 1");
    }

    @Test
    void suffixRules() {
        record Case(String name, String unit, Instrument.Kind kind, String expected) {
        }
        PrometheusFormat suffixes = new PrometheusFormat(true, false, false, null);
        for (Case c : List.of(
                new Case("otelcol_process_uptime", "s", Instrument.Kind.COUNTER, "otelcol_process_uptime_seconds_total"),
                new Case("otelcol_process_cpu_seconds", "s", Instrument.Kind.COUNTER, "otelcol_process_cpu_seconds_total"),
                new Case("otelcol_process_memory_rss", "By", Instrument.Kind.GAUGE, "otelcol_process_memory_rss_bytes"),
                new Case("otelcol_process_runtime_heap_alloc_bytes", "By", Instrument.Kind.GAUGE,
                        "otelcol_process_runtime_heap_alloc_bytes"),
                new Case("otelcol_receiver_accepted_spans", "{span}", Instrument.Kind.COUNTER,
                        "otelcol_receiver_accepted_spans_total"),
                new Case("requests_total", "", Instrument.Kind.COUNTER, "requests_total"),
                new Case("throughput", "By/s", Instrument.Kind.GAUGE, "throughput_bytes_per_second"),
                new Case("utilization", "1", Instrument.Kind.GAUGE, "utilization_ratio"),
                new Case("odd", "furlongs", Instrument.Kind.GAUGE, "odd_furlongs"))) {
            Instrument instrument = new Instrument("scope", c.name(), "", c.unit(), c.kind());
            assertThat(PrometheusText.metricName(instrument, suffixes)).as(c.name() + " " + c.unit())
                    .isEqualTo(c.expected());
        }
    }

    @Test
    void labelValuesAndHelpAreEscapedAndNamesUnderscored() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        registry.counter("my.metric-name", "help with \\ and\nnewline and \"quotes\"", "").add(1, "label.key",
                "va\"l\\ue\nx");

        assertThat(registry.render()).isEqualTo("# HELP my_metric_name help with \\\\ and\\nnewline and \"quotes\"\n"
                + "# TYPE my_metric_name counter\n"
                + "my_metric_name{label_key=\"va\\\"l\\\\ue\\nx\"} 1\n");
    }

    @Test
    void seriesAreSortedByLabelValuesAndLabelOrderDoesNotMatter() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        LongCounter counter = registry.counter("c", "", "");
        counter.add(1, "b", "2", "a", "z");
        counter.add(1, "a", "m", "b", "1");
        counter.add(5, "a", "z", "b", "2");
        counter.add(1);

        assertThat(registry.render()).isEqualTo("# HELP c \n# TYPE c counter\nc 1\nc{a=\"m\",b=\"1\"} 1\n"
                + "c{a=\"z\",b=\"2\"} 6\n");
    }

    @Test
    void countersIgnoreNegativeValues() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        BoundCounter bound = registry.counter("c", "", "").bind();
        bound.add(3);
        bound.add(-10);

        assertThat(registry.render()).endsWith("\nc 3\n");
    }

    @Test
    void theSameNameInTheSameScopeIsOneInstrument() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        registry.counter("c", "first", "").add(1);
        registry.counter("c", "second", "").add(2);

        assertThat(registry.render()).isEqualTo("# HELP c first\n# TYPE c counter\nc 3\n");
    }

    @Test
    void aNameCannotChangeItsKind() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        registry.counter("c", "", "");

        assertThatThrownBy(() -> registry.gauge("c", "", "", () -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric \"c\" is already registered as a counter, not a gauge");
    }

    @Test
    void oddLabelsAreRejected() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);

        assertThatThrownBy(() -> registry.counter("c", "", "").add(1, "lonely"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name/value pairs");
    }

    @Test
    void gaugesAreReadPerScrapeAndRemovedOnClose() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        AtomicLong size = new AtomicLong(1);
        Registration a = registry.gauge("q", "queue", "", size::get, "exporter", "a");
        Registration b = registry.doubleGauge("q", "queue", "", () -> 0.5, "exporter", "b");

        size.set(7);
        assertThat(registry.render()).isEqualTo("# HELP q queue\n# TYPE q gauge\nq{exporter=\"a\"} 7\n"
                + "q{exporter=\"b\"} 0.5\n");

        a.close();
        a.close();
        assertThat(registry.render()).doesNotContain("exporter=\"a\"").contains("q{exporter=\"b\"} 0.5");
        b.close();
        assertThat(registry.render()).isEmpty();
    }

    @Test
    void closingAReplacedGaugeKeepsTheReplacement() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        Registration old = registry.gauge("g", "", "", () -> 1);
        registry.gauge("g", "", "", () -> 2);

        old.close();

        assertThat(registry.render()).endsWith("\ng 2\n");
    }

    @Test
    void aFailingGaugeIsSkippedNotFatal() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        registry.gauge("g", "", "", () -> {
            throw new IllegalStateException("unreadable");
        }, "k", "bad");
        registry.gauge("g", "", "", () -> 4, "k", "good");

        assertThat(registry.render()).isEqualTo("# HELP g \n# TYPE g gauge\ng{k=\"good\"} 4\n");
    }

    @Test
    void levelNoneRegistersAndRendersNothing() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NONE, RESOURCE);
        registry.counter("c", "", "").add(5, "a", "b");
        registry.gauge("g", "", "", () -> 1).close();
        new ObsMetrics(registry).receiverAccepted("traces", "otlp", "grpc", 3);
        ProcessMetrics.register(registry, System.nanoTime());

        assertThat(registry.enabled()).isFalse();
        assertThat(registry.render()).isEmpty();
    }

    @Test
    void onlyTargetInfoWhenNothingWasReported() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.BASIC, Map.of("service.name", "otelcol"));
        registry.counter("never_added", "", "");

        assertThat(registry.render()).isEqualTo("# HELP target_info Target metadata\n# TYPE target_info gauge\n"
                + "target_info{service_name=\"otelcol\"} 1\n");
    }

    @Test
    void includeExcludeFollowsOtelconf() {
        var filter = PrometheusFormat.includeExclude(List.of(), List.of("service.instance.id"));
        assertThat(filter.test("service.name")).isTrue();
        assertThat(filter.test("service.instance.id")).isFalse();
        assertThatThrownBy(() -> PrometheusFormat.includeExclude(List.of("a"), List.of("a")))
                .hasMessage("attribute cannot be in both include and exclude list: a");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = MetricsRegistryTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
