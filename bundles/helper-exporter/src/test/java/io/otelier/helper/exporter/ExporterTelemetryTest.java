package io.otelier.helper.exporter;

import static io.otelier.helper.exporter.internal.TestData.traces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.api.telemetry.TelemetrySettings;
import io.otelier.pdata.Traces;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The queue gauges, named and labelled as upstream's exporterhelper reports them. */
class ExporterTelemetryTest extends HelperFixture {

    private static final String[] LABELS = {"exporter", "otlp", "data_type", "traces"};

    private Long gauge(String name) {
        return test.meter.gauge(name, LABELS);
    }

    static Stream<Arguments> sizers() {
        return Stream.of(
                Arguments.of("requests: each batch weighs 1", QueueSettings.SIZER_REQUESTS, List.of(1L, 2L, 3L), true),
                Arguments.of("items: each batch weighs its 3 spans", QueueSettings.SIZER_ITEMS, List.of(3L, 6L, 9L),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizers")
    void queueSizeGaugeCountsInTheSizersUnit(String name, String sizer, List<Long> sizes, boolean fourthFits)
            throws Exception {
        RecordingSender sender = RecordingSender.gated();
        HelpedExporter<Traces> exporter = exporter(queue(1, 10).withSizer(sizer), RetrySettings.defaults(), sender);
        exporter.start(host);
        assertThat(gauge("otelcol_exporter_queue_capacity")).isEqualTo(10);
        assertThat(gauge("otelcol_exporter_queue_size")).isZero();

        for (int i = 0; i < 3; i++) {
            exporter.consume(RequestContext.EMPTY, traces("g" + i, 3));
            assertThat(gauge("otelcol_exporter_queue_size")).isEqualTo(sizes.get(i));
        }
        if (fourthFits) {
            exporter.consume(RequestContext.EMPTY, traces("g3", 3));
        } else {
            assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("g3", 3)))
                    .hasMessage("sending queue is full");
            assertThat(report.enqueueFailed).hasValue(3);
        }
        waitUntil(() -> gauge("otelcol_exporter_in_flight_requests") == 1);

        sender.gate.countDown();
        exporter.shutdown();

        assertThat(gauge("otelcol_exporter_queue_size")).as("removed at shutdown").isNull();
        assertThat(gauge("otelcol_exporter_queue_capacity")).isNull();
        assertThat(gauge("otelcol_exporter_in_flight_requests")).isNull();
    }

    @Test
    void withoutQueueOnlyTheInFlightGaugeExists() {
        exporter(null, RetrySettings.defaults(), RecordingSender.accepting());

        assertThat(gauge("otelcol_exporter_queue_size")).isNull();
        assertThat(gauge("otelcol_exporter_in_flight_requests")).isZero();
    }

    @Test
    void metricsLevelNoneRegistersNothing() {
        CreateSettings quiet = new CreateSettings(settings.id(), settings.kind(),
                new TelemetrySettings(test.logger, test.meter, MetricsLevel.NONE, report), settings.buildInfo(),
                settings.status());
        track(ExporterHelper.create(quiet, Signal.TRACES, QueueSettings.defaults(), RetrySettings.defaults(),
                TimeoutSettings.defaults(), RecordingSender.accepting()));

        assertThat(gauge("otelcol_exporter_queue_size")).isNull();
        assertThat(gauge("otelcol_exporter_queue_capacity")).isNull();
    }
}
