package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.telemetry.MetricsLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ObsMetricsTest {

    private final MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
    private final ObsMetrics obs = new ObsMetrics(registry);

    private List<String> samples() {
        List<String> lines = new ArrayList<>();
        for (String line : registry.render().split("\n")) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void nothingIsServedBeforeAComponentReports() {
        assertThat(registry.render()).isEmpty();
    }

    @Test
    void aReceiverReportServesAcceptedRefusedAndFailedSeries() {
        obs.receiverAccepted("logs", "filelog", "", 3);

        assertThat(samples()).containsExactly(
                "otelcol_receiver_accepted_log_records{receiver=\"filelog\",transport=\"\"} 3",
                "otelcol_receiver_failed_log_records{receiver=\"filelog\",transport=\"\"} 0",
                "otelcol_receiver_refused_log_records{receiver=\"filelog\",transport=\"\"} 0");
    }

    @Test
    void signalsMapToUpstreamItemNames() {
        obs.receiverRefused("traces", "otlp", "grpc", 1);
        obs.receiverRefused("metrics", "otlp", "http", 2);

        assertThat(samples()).contains(
                "otelcol_receiver_refused_spans{receiver=\"otlp\",transport=\"grpc\"} 1",
                "otelcol_receiver_refused_metric_points{receiver=\"otlp\",transport=\"http\"} 2");
    }

    @Test
    void exporterSentExistsAloneUntilAFailure() {
        obs.exporterSent("metrics", "otlp_http", 5);
        assertThat(samples()).containsExactly("otelcol_exporter_sent_metric_points{exporter=\"otlp_http\"} 5");

        obs.exporterSendFailed("metrics", "otlp_http", 2);
        assertThat(samples()).containsExactly(
                "otelcol_exporter_send_failed_metric_points{exporter=\"otlp_http\"} 2",
                "otelcol_exporter_sent_metric_points{exporter=\"otlp_http\"} 5");
    }

    @Test
    void aFailureFirstStillServesSentAtZero() {
        obs.exporterSendFailed("logs", "debug", 4);

        assertThat(samples()).containsExactly(
                "otelcol_exporter_send_failed_log_records{exporter=\"debug\"} 4",
                "otelcol_exporter_sent_log_records{exporter=\"debug\"} 0");
        assertThat(registry.render()).contains("# HELP otelcol_exporter_sent_log_records Number of log record "
                + "successfully sent to destination. [Alpha]");
    }

    @Test
    void processorItemsCarryProcessorAndSignal() {
        obs.processorIncoming("logs", "batch/2", 10);
        obs.processorOutgoing("logs", "batch/2", 9);

        assertThat(samples()).containsExactly(
                "otelcol_processor_incoming_items{otel_signal=\"logs\",processor=\"batch/2\"} 10",
                "otelcol_processor_outgoing_items{otel_signal=\"logs\",processor=\"batch/2\"} 9");
    }

    @Test
    void handlesAreCachedPerLabelSet() {
        assertThat(obs.receiver("traces", "otlp", "grpc")).isSameAs(obs.receiver("traces", "otlp", "grpc"));
        assertThat(obs.receiver("traces", "otlp", "grpc")).isNotSameAs(obs.receiver("traces", "otlp", "http"));
        assertThat(obs.exporter("traces", "debug")).isSameAs(obs.exporter("traces", "debug"));
        assertThat(obs.processor("traces", "batch")).isSameAs(obs.processor("traces", "batch"));
    }

    @Test
    void unknownSignalIsRejected() {
        assertThatThrownBy(() -> obs.receiverAccepted("spans", "otlp", "grpc", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown signal \"spans\" (valid: traces, metrics, logs)");
    }

    @Test
    void concurrentAddsAreExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    obs.receiverAccepted("traces", "otlp", "grpc", 1);
                    obs.exporterSent("traces", "debug", 2);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(samples()).contains("otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} 40000",
                "otelcol_exporter_sent_spans{exporter=\"debug\"} 80000");
    }

    @Test
    void twoObsMetricsOnOneRegistryShareTheSeries() {
        new ObsMetrics(registry).exporterSent("traces", "debug", 1);
        obs.exporterSent("traces", "debug", 2);

        assertThat(samples()).containsExactly("otelcol_exporter_sent_spans{exporter=\"debug\"} 3");
    }
}
