package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.StatusReporter;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.TelemetrySettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugExporterTest {

    private final Capture stdout = new Capture();
    private final Capture stderr = new Capture();
    private final DebugExporterFactory factory = new DebugExporterFactory(() -> stdout.stream, () -> stderr.stream);
    private final TestSettings settings = TestSettings.of(ComponentKind.EXPORTER, "debug");

    @Test
    void basicPrintsThePinnedSummaryLinesOnly() throws Exception {
        Traces traces = new Traces();
        ScopeSpans scope = traces.resourceSpans().addNew().scopeSpans().addNew();
        for (int i = 0; i < 200; i++) {
            scope.spans().addNew().setName("span-" + i);
        }
        Metrics metrics = new Metrics();
        for (int r = 0; r < 2; r++) {
            ScopeMetrics scopeMetrics = metrics.resourceMetrics().addNew().scopeMetrics().addNew();
            var points = scopeMetrics.metrics().addNew().setName("m" + r).setEmptyGauge().dataPoints();
            for (int p = 0; p < 83; p++) {
                points.addNew().setIntValue(p);
            }
        }
        Logs logs = new Logs();
        var records = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords();
        for (int i = 0; i < 3; i++) {
            records.addNew().setBody(AnyValue.of("line " + i));
        }
        DebugExporterConfig config = factory.createDefaultConfig();

        consumeOnce(factory.createTraces(settings.settings, config), traces);
        consumeOnce(factory.createMetrics(settings.settings, config), metrics);
        consumeOnce(factory.createLogs(settings.settings, config), logs);

        assertThat(stdout.text()).isEqualTo("""
                Traces {"resource spans": 1, "spans": 200}
                Metrics {"resource metrics": 2, "metrics": 2, "data points": 166}
                Logs {"resource logs": 1, "log records": 3}
                """);
        assertThat(stderr.text()).isEmpty();
    }

    @Test
    void normalPrintsTheSummaryThenOneLinePerSpan() throws Exception {
        consumeOnce(factory.createTraces(settings.settings, config("normal", true, null)), GoldenData.traces());

        assertThat(stdout.text()).isEqualTo("Traces {\"resource spans\": 2, \"spans\": 6}\n"
                + GoldenOutputTest.golden("normal-traces") + "\n");
    }

    @Test
    void detailedPrintsTheSummaryThenEveryField() throws Exception {
        consumeOnce(factory.createMetrics(settings.settings, config("DETAILED", true, null)), GoldenData.metrics());

        assertThat(stdout.text()).isEqualTo(
                "Metrics {\"resource metrics\": 2, \"metrics\": 9, \"data points\": 23}\n"
                        + GoldenOutputTest.golden("detailed-metrics") + "\n");
    }

    @Test
    void samplesSummariesAndDumpsEachByItsMessage() {
        AtomicLong clock = new AtomicLong();
        Capture out = new Capture();
        DebugExporter<Logs> exporter = new DebugExporter<>(SignalText.LOGS, Verbosity.NORMAL,
                new LogSampler(2, 3, clock::get), new ConsoleSink(() -> out.stream, settings.logger));
        Logs logs = new Logs();
        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of("same"));

        for (int i = 0; i < 5; i++) {
            exporter.consume(RequestContext.EMPTY, logs);
        }

        // batches 1, 2 and 5 pass for the summary and (being the same text) for the dump alike
        String batch = "Logs {\"resource logs\": 1, \"log records\": 1}\n" + NormalLogs.marshal(logs) + "\n";
        assertThat(out.text()).isEqualTo(batch.repeat(3));
        clock.addAndGet(LogSampler.TICK_NANOS);
        exporter.consume(RequestContext.EMPTY, logs);
        assertThat(out.text()).isEqualTo(batch.repeat(4));
    }

    @Test
    void internalLoggerOutputFollowsTheCollectorsLogLevel() throws Exception {
        CreateSettings warnOnly = new CreateSettings(settings.settings.id(), ComponentKind.EXPORTER,
                new TelemetrySettings(new LevelLogger(Level.WARN), settings.meter, settings.settings.telemetry()
                        .metricsLevel()), settings.settings.buildInfo(), settings.settings.status());

        consumeOnce(factory.createTraces(warnOnly, config("detailed", true, null)), GoldenData.traces());

        assertThat(stdout.text()).isEmpty();
    }

    @Test
    void withoutTheInternalLoggerWritesToEveryOutputPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("debug.log");
        Files.writeString(file, "kept\n");
        Path viaUri = dir.resolve("uri.log");

        consumeOnce(factory.createLogs(settings.settings,
                config("basic", false, List.of("stderr", file.toString(), viaUri.toUri().toString()))),
                GoldenData.logs());

        String summary = "Logs {\"resource logs\": 2, \"log records\": 10}\n";
        assertThat(stderr.text()).isEqualTo(summary);
        assertThat(Files.readString(file)).isEqualTo("kept\n" + summary);
        assertThat(Files.readString(viaUri)).isEqualTo(summary);
        assertThat(stdout.text()).isEmpty();
    }

    @Test
    void withoutTheInternalLoggerDefaultsToStdout() throws Exception {
        consumeOnce(factory.createLogs(settings.settings, config("basic", false, null)), GoldenData.logs());

        assertThat(stdout.text()).isEqualTo("Logs {\"resource logs\": 2, \"log records\": 10}\n");
    }

    @Test
    void anOutputPathThatCannotBeOpenedFailsTheStart(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("no-such-folder").resolve("debug.log").toString();
        Exporter<Logs> exporter = factory.createLogs(settings.settings, config("basic", false, List.of(missing)));

        assertThatThrownBy(() -> exporter.start(new TestHost()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot open output path \"" + missing + "\"");
        exporter.shutdown();
    }

    private static DebugExporterConfig config(String verbosity, boolean internalLogger, List<String> paths) {
        DebugExporterConfig config = new DebugExporterConfig(verbosity, 2, 1, internalLogger, paths);
        config.validate();
        return config;
    }

    private static <T extends io.otelier.pdata.Telemetry> void consumeOnce(Exporter<T> exporter, T data)
            throws Exception {
        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, data);
        exporter.shutdown();
    }

    /** A PrintStream whose output the test can read. */
    static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A collector logger with a minimum level, like service::telemetry::logs::level. */
    private record LevelLogger(Level minimum) implements Logger {
        @Override
        public boolean isEnabled(Level level) {
            return level.compareTo(minimum) >= 0;
        }

        @Override
        public void log(Level level, String message, Throwable error, Object... fields) {
        }

        @Override
        public Logger with(Object... fields) {
            return this;
        }
    }
}
