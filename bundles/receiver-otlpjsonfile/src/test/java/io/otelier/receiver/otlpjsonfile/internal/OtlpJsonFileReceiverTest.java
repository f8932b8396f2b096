package io.otelier.receiver.otlpjsonfile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import io.otelier.testkit.Waiting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpJsonFileReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final OtlpJsonFileReceiverFactory factory = new OtlpJsonFileReceiverFactory();

    private OtlpJsonFileConfig config() {
        OtlpJsonFileConfig config = new OtlpJsonFileConfig();
        config.include(dir.resolve("*.json").toString()).startAt("beginning").pollInterval(Duration.ofMillis(20));
        return config;
    }

    private static Logs logs(String body) {
        Logs logs = new Logs();
        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of(body));
        return logs;
    }

    private static Traces traces(String name) {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName(name);
        return traces;
    }

    private static Metrics metrics(String name) {
        Metrics metrics = new Metrics();
        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName(name).setEmptyGauge()
                .dataPoints().addNew().setIntValue(7);
        return metrics;
    }

    /** Lines as the file exporter's json format writes them, with a broken line in between. */
    private void writeMixedFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(OtlpJson.encode(logs("first")));
        out.write('\n');
        out.write(OtlpJson.encode(traces("span-a")));
        out.write('\n');
        out.write("{ this is not otlp json\n".getBytes());
        out.write(OtlpJson.encode(metrics("gauge-a")));
        out.write('\n');
        out.write(OtlpJson.encode(logs("second")));
        out.write('\n');
        Files.write(dir.resolve("all.json"), out.toByteArray(), StandardOpenOption.CREATE_NEW);
    }

    @Test
    void eachSignalReadsItsOwnLinesAndSkipsTheRest() throws Exception {
        writeMixedFile();
        SinkConsumer<Logs> logSink = new SinkConsumer<>();
        SinkConsumer<Traces> traceSink = new SinkConsumer<>();
        SinkConsumer<Metrics> metricSink = new SinkConsumer<>();
        TestSettings s = TestSettings.of(ComponentKind.RECEIVER, "otlpjsonfile");
        OtlpJsonFileConfig config = config();
        Receiver l = factory.createLogs(s.settings, config, logSink);
        Receiver t = factory.createTraces(s.settings, config, traceSink);
        Receiver m = factory.createMetrics(s.settings, config, metricSink);
        for (Receiver r : new Receiver[] {l, t, m}) {
            r.start(new TestHost());
        }
        try {
            assertThat(Waiting.eventually(() -> logSink.itemCount() == 2 && traceSink.itemCount() == 1
                    && metricSink.received().size() == 1, WAIT)).isTrue();
            Files.write(dir.resolve("all.json"), (new String(OtlpJson.encode(logs("appended"))) + "\n").getBytes(),
                    StandardOpenOption.APPEND);
            assertThat(Waiting.eventually(() -> logSink.itemCount() == 3, WAIT)).isTrue();
        } finally {
            for (Receiver r : new Receiver[] {l, t, m}) {
                r.shutdown();
            }
        }
        assertThat(logSink.received()).containsExactly(logs("first"), logs("second"), logs("appended"));
        assertThat(traceSink.received()).containsExactly(traces("span-a"));
        assertThat(metricSink.received()).containsExactly(metrics("gauge-a"));
    }

    @Test
    void lifecycleLeavesNoThreads() throws Exception {
        writeMixedFile();
        Threads.assertNoneLeftBy(() -> {
            SinkConsumer<Logs> sink = new SinkConsumer<>();
            Receiver r = factory.createLogs(TestSettings.of(ComponentKind.RECEIVER, "otlpjsonfile").settings,
                    config(), sink);
            r.start(new TestHost());
            assertThat(Waiting.eventually(() -> sink.itemCount() == 2, WAIT)).isTrue();
            r.shutdown();
        });
    }
}
