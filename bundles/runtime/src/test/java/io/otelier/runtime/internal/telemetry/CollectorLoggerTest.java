package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CollectorLoggerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T04:00:00.123Z"), ZoneOffset.UTC);
    private static final String TS = "2026-11-26T04:00:00.123Z";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private CollectorLogger logger(Level level, String encoding) {
        return Logging.create(level, encoding, out, CLOCK);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void consoleLineHasTimestampLevelMessageAndSpacedFields() {
        logger(Level.INFO, "console").info("Everything is ready. Begin running and processing data.",
                "key", "value", "n", 3);

        assertThat(output()).isEqualTo(TS + "\tinfo\tEverything is ready. Begin running and processing data.\t"
                + "{\"key\": \"value\", \"n\": 3}\n");
    }

    @Test
    void consoleLineWithoutFieldsEndsAfterTheMessage() {
        logger(Level.INFO, "console").warn("Shutdown requested");

        assertThat(output()).isEqualTo(TS + "\twarn\tShutdown requested\n");
    }

    @Test
    void debugExporterSummaryLooksLikeUpstream() {
        logger(Level.INFO, "console").info("Traces", "resource spans", 1, "spans", 200);

        assertThat(output()).isEqualTo(TS + "\tinfo\tTraces\t{\"resource spans\": 1, \"spans\": 200}\n");
    }

    @Test
    void jsonLineIsOneCompactObjectInZapKeyOrder() {
        logger(Level.INFO, "json").info("Starting otelcol...", "Version", "0.1.0", "NumCPU", 2);

        assertThat(output()).isEqualTo("{\"level\":\"info\",\"ts\":\"" + TS
                + "\",\"msg\":\"Starting otelcol...\",\"Version\":\"0.1.0\",\"NumCPU\":2}\n");
    }

    @Test
    void levelsBelowTheConfiguredOneAreDropped() {
        CollectorLogger log = logger(Level.WARN, "console");

        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e", null);

        assertThat(output()).isEqualTo(TS + "\twarn\tw\n" + TS + "\terror\te\n");
        assertThat(log.isEnabled(Level.INFO)).isFalse();
        assertThat(log.isEnabled(Level.ERROR)).isTrue();
        assertThat(log.level()).isEqualTo(Level.WARN);
    }

    @Test
    void disabledLevelDoesNotTouchTheFields() {
        Object explosive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("rendered a disabled line");
            }
        };

        logger(Level.INFO, "console").debug("not written", "value", explosive);

        assertThat(output()).isEmpty();
    }

    @Test
    void withAddsContextFieldsBeforeTheCallsFields() {
        CollectorLogger root = logger(Level.INFO, "console");
        Logger component = root.with("otelcol.component.id", "debug", "otelcol.component.kind", "exporter")
                .with("otelcol.signal", "traces");

        component.info("Exporting", "items", 5);
        root.info("root line");

        assertThat(output()).isEqualTo(TS + "\tinfo\tExporting\t{\"otelcol.component.id\": \"debug\", "
                + "\"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", \"items\": 5}\n"
                + TS + "\tinfo\troot line\n");
    }

    @Test
    void withFieldsInJson() {
        logger(Level.INFO, "json").with("a", 1).info("m", "b", true);

        assertThat(output()).isEqualTo("{\"level\":\"info\",\"ts\":\"" + TS + "\",\"msg\":\"m\",\"a\":1,\"b\":true}\n");
    }

    @Test
    void errorAddsItsMessageAndNoStackTraceAboveDebug() {
        IllegalStateException failure = new IllegalStateException("connection refused");

        logger(Level.INFO, "console").with("otelcol.component.id", "otlp")
                .log(Level.WARN, "Exporting failed. Will retry the request after interval.", failure,
                        "interval", "5.2s");

        assertThat(output()).isEqualTo(TS + "\twarn\tExporting failed. Will retry the request after interval.\t"
                + "{\"otelcol.component.id\": \"otlp\", \"error\": \"connection refused\", \"interval\": \"5.2s\"}\n");
    }

    @Test
    void errorTextFollowsCausesLikeWrappedGoErrors() {
        Exception wrapped = new RuntimeException("cannot start pipelines", new java.io.IOException("port taken"));

        logger(Level.INFO, "console").error("failed", wrapped);

        assertThat(output()).contains("{\"error\": \"cannot start pipelines: port taken\"}");
    }

    @Test
    void stackTraceFollowsTheLineAtDebugLevel() {
        logger(Level.DEBUG, "console").error("failed", new IllegalStateException("boom"));

        String[] lines = output().split("\n");
        assertThat(lines[0]).isEqualTo(TS + "\terror\tfailed\t{\"error\": \"boom\"}");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines[2]).startsWith("\tat io.otelier.runtime.internal.telemetry.CollectorLoggerTest");
        assertThat(output()).endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void stackTraceIsAFieldInJsonAtDebugLevel() throws IOException {
        logger(Level.DEBUG, "json").error("failed", new IllegalStateException("boom"));

        JsonNode line = new ObjectMapper().readTree(output());
        assertThat(line.get("error").asText()).isEqualTo("boom");
        assertThat(line.get("stacktrace").asText()).startsWith("java.lang.IllegalStateException: boom\n\tat ");
        assertThat(output().split("\n")).hasSize(1);
    }

    @Test
    void valuesRenderAsZapDoes() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("service.name", "otelcol");
        resource.put("service.version", "0.1.0");

        logger(Level.INFO, "console").info("values", "resource", resource, "list", List.of("a", 1),
                "array", new int[] {1, 2}, "duration", Duration.ofMillis(200), "ratio", 0.25, "whole", 3.0,
                "nan", Double.NaN, "none", null, "flag", false, "sorted", Map.of("b", 2, "a", 1));

        assertThat(output()).isEqualTo(TS + "\tinfo\tvalues\t{\"resource\": {\"service.name\": \"otelcol\", "
                + "\"service.version\": \"0.1.0\"}, \"list\": [\"a\", 1], \"array\": [1, 2], \"duration\": 0.2, "
                + "\"ratio\": 0.25, \"whole\": 3, \"nan\": \"NaN\", \"none\": null, \"flag\": false, "
                + "\"sorted\": {\"a\": 1, \"b\": 2}}\n");
    }

    @Test
    void stringsAreEscapedInFieldsAndJsonMessagesButConsoleMessagesStayRaw() throws IOException {
        String tricky = "quote\" backslash\\ newline\n tab\t bell\u0007 snow\u2603 bad\ud800";

        logger(Level.INFO, "console").info("raw \"msg\"", "v", tricky);
        assertThat(output()).isEqualTo(TS + "\tinfo\traw \"msg\"\t{\"v\": \"quote\\\" backslash\\\\ newline\\n tab\\t "
                + "bell\\u0007 snow\u2603 bad\\ufffd\"}\n");

        bytes.reset();
        logger(Level.INFO, "json").info(tricky, "v", tricky);
        JsonNode line = new ObjectMapper().readTree(output());
        assertThat(line.get("msg").asText()).isEqualTo(tricky.replace("\ud800", "\ufffd"));
        assertThat(line.get("v").asText()).isEqualTo(tricky.replace("\ud800", "\ufffd"));
    }

    @Test
    void aKeyWithoutValueIsMarked() {
        logger(Level.INFO, "console").info("odd", "a", 1, "dangling");

        assertThat(output()).isEqualTo(TS + "\tinfo\todd\t{\"a\": 1, \"dangling\": \"!MISSING\"}\n");
    }

    @Test
    void aFailingValueStillYieldsTheLineAndNeverThrows() {
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };
        CollectorLogger log = logger(Level.INFO, "console");

        log.info("still logged", "value", broken);
        Logger child = log.with("value", broken);
        child.info("child line");

        String[] lines = output().split("\n");
        assertThat(lines[0]).startsWith(TS + "\tinfo\tstill logged\t{\"logger_error\": \"fields could not be rendered: "
                + "java.lang.IllegalStateException: no text\"}");
        assertThat(lines[1]).startsWith(TS + "\tinfo\tchild line\t{\"logger_error\": \"with(...) fields");
    }

    @Test
    void nullMessageAndNullFieldsAreTolerated() {
        logger(Level.INFO, "console").log(Level.INFO, null, null, (Object[]) null);

        assertThat(output()).isEqualTo(TS + "\tinfo\t\n");
    }

    @Test
    void unknownEncodingIsRejectedByName() {
        assertThatThrownBy(() -> Logging.create(Level.INFO, "xml", out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown log encoding \"xml\" (valid: console, json)");
    }

    @Test
    void defaultsAreInfoAndConsole() {
        CollectorLogger log = Logging.create(null, null, out, CLOCK);
        log.debug("hidden");
        log.info("shown");

        assertThat(output()).isEqualTo(TS + "\tinfo\tshown\n");
    }

    @Test
    void realClockStampsUtcMillis() {
        Logging.create(Level.INFO, "console", out).info("now");

        assertThat(output()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\tinfo\tnow\n");
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        CollectorLogger log = logger(Level.INFO, "json");
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        String payload = "x".repeat(300);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                start.await();
                Logger child = log.with("thread", thread);
                for (int i = 0; i < perThread; i++) {
                    child.info("line", "i", i, "payload", payload);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>(List.of(output().split("\n")));
        assertThat(lines).hasSize(threads * perThread);
        int[] seen = new int[threads];
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.get("payload").asText()).isEqualTo(payload);
            seen[node.get("thread").asInt()]++;
        }
        assertThat(seen).containsOnly(perThread);
    }
}
