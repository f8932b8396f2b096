package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.otlp.OtlpJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hands-on's log pipeline (filelog with json_parser → file with 1 MB rotation + debug detailed) runs on the
 * contrib distribution with only its paths changed: /var/log/ becomes a temporary folder.
 */
class HandsOnLogsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Path logs;

    private ContribCollector startHandsOn() throws Exception {
        logs = Files.createDirectories(work.resolve("var-log"));
        Path original = Paths.get(System.getProperty("otelier.examples")).resolve("handson/log-collector.yaml");
        Path config = work.resolve("log-collector.yaml");
        Files.writeString(config, Files.readString(original).replace("/var/log/", logs + "/"));
        // there from before the start: start_at end skips what it holds
        append(logs.resolve("cndt-1.json"), "{\"written\":\"before the collector started\"}\n");
        ContribCollector c = ContribCollector.start(work, "--config", config.toString(),
                "--set", "service::telemetry::metrics::level=none");
        c.awaitOutput("Everything is ready", WAIT);
        c.awaitOutput("Started watching file", WAIT);
        return c;
    }

    @Test
    void linesAppendedToTheWatchedFilesReachAllJsonParsedAndTheFileRotatesAtOneMegabyte() throws Exception {
        try (ContribCollector c = startHandsOn()) {
            append(logs.resolve("cndt-1.json"), "{\"level\":\"info\",\"user\":\"alice\",\"count\":1}\n"
                    + "{\"level\":\"error\",\"user\":\"bob\",\"nested\":{\"k\":\"v\"}}\n");
            append(logs.resolve("cndt-2023.json"), "{\"level\":\"warn\",\"user\":\"carol\"}\n");
            assertThat(awaitRecords(r -> true, 3)).as(c.tail(5000)).hasSize(3);

            List<LogRecord> records = records();
            LogRecord alice = only(records, "alice");
            assertThat(alice.attributes().getOrNull("log.file.name")).isEqualTo(AnyValue.of("cndt-1.json"));
            assertThat(alice.attributes().getOrNull("level")).isEqualTo(AnyValue.of("info"));
            assertThat(alice.attributes().getOrNull("count")).isEqualTo(AnyValue.of(1.0));
            assertThat(alice.body()).isEqualTo(AnyValue.of("{\"level\":\"info\",\"user\":\"alice\",\"count\":1}"));
            assertThat(only(records, "bob").attributes().getOrNull("nested").toString()).contains("k");
            assertThat(only(records, "carol").attributes().getOrNull("log.file.name"))
                    .isEqualTo(AnyValue.of("cndt-2023.json"));
            assertThat(records).noneMatch(r -> r.body().asString().contains("before the collector started"));
            // debug detailed prints each record
            c.awaitOutput("Body: Str\\(\\{\"level\":\"warn\",\"user\":\"carol\"\\}\\)", WAIT);

            // enough lines for more than 1 MB of OTLP/JSON output
            int lines = 4000;
            StringBuilder bulk = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                bulk.append("{\"level\":\"info\",\"seq\":").append(i).append(",\"text\":\"")
                        .append("x".repeat(150)).append("\"}\n");
            }
            append(logs.resolve("cndt-2023.json"), bulk.toString());
            assertThat(awaitRecords(r -> true, 3 + lines)).as(c.tail(5000)).hasSize(3 + lines);

            List<Path> backups = backups();
            assertThat(backups).as("rotated files").isNotEmpty();
            for (Path backup : backups) {
                assertThat(Files.size(backup)).isLessThanOrEqualTo(1024 * 1024);
            }
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    @Test
    void badInputNeverStopsTheReceiver() throws Exception {
        try (ContribCollector c = startHandsOn()) {
            Path file = logs.resolve("cndt-1.json");
            append(file, "this line is not json\n");
            byte[] garbage = new byte[100_000];
            new Random(42).nextBytes(garbage);
            append(file, garbage);
            append(file, new byte[] {'\n', '{', '"', 'u', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}', '\n'});
            // invalid UTF-8 becomes U+FFFD, as Go's decoder does, and the line still parses
            assertThat(awaitRecords(r -> AnyValue.of("\uFFFD(").equals(r.attributes().getOrNull("u")), 1))
                    .as(c.tail(5000)).hasSize(1);
            // json_parser's on_error defaults to send: the line goes on unparsed, and the failure is logged
            LogRecord notJson = records().stream().filter(r -> r.body().asString().equals("this line is not json"))
                    .findFirst().orElseThrow();
            assertThat(notJson.attributes().keys()).containsExactly("log.file.name");
            assertThat(c.all()).contains("Failed to process entry");

            append(file, "{\"big\":\"" + "y".repeat(1_500_000) + "\"}\n");
            // the 1.5 MB line is cut at max_log_size (1 MiB); debug prints the pieces, while the file exporter
            // refuses a write larger than its 1 MB rotation size (as upstream's lumberjack does)
            String firstPiece = "Str({\"big\":\"" + "y".repeat(1024 * 1024 - 8) + ")";
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!c.all().contains(firstPiece) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(c.all().contains(firstPiece)).as("the first 1 MiB piece in the debug output").isTrue();
            c.awaitOutput("write length \\d+ exceeds maximum file size 1048576", WAIT);

            append(file, "{\"after\":\"the garbage\"}\n");
            List<LogRecord> after = awaitRecords(r -> r.attributes().containsKey("after"), 1);
            assertThat(after).as(c.tail(5000)).hasSize(1);
            assertThat(after.get(0).attributes().getOrNull("after")).isEqualTo(AnyValue.of("the garbage"));
            assertThat(c.process.isAlive()).isTrue();
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    private static LogRecord only(List<LogRecord> records, String user) {
        return records.stream().filter(r -> AnyValue.of(user).equals(r.attributes().getOrNull("user"))).findFirst()
                .orElseThrow(() -> new AssertionError("no record of " + user));
    }

    private List<LogRecord> awaitRecords(Predicate<LogRecord> which, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<LogRecord> found = List.of();
        while (System.nanoTime() < deadline) {
            found = records().stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    /** Every record in all.json and its rotated backups; a line still being written is skipped. */
    private List<LogRecord> records() throws IOException {
        List<Path> files = new ArrayList<>(backups());
        files.add(logs.resolve("all.json"));
        List<LogRecord> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Logs batch;
                try {
                    batch = OtlpJson.decodeLogs(line.getBytes(StandardCharsets.UTF_8));
                } catch (Exception partial) {
                    continue;
                }
                batch.resourceLogs().forEach(rl -> rl.scopeLogs().forEach(sl -> sl.logRecords().forEach(out::add)));
            }
        }
        return out;
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(p -> p.getFileName().toString().matches("all-.+\\.json")).sorted().toList();
        }
    }

    private static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
