package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.logs.v1.LogRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart safety of file_log with file_storage checkpoints: the collector is killed (SIGKILL) while a writer appends
 * 100k lines to a file that is rotated by rename half-way, the rotation happens while it is down, and after a restart
 * every line reaches the backend. Delivery
 * is at least once: the lines read by the poll that was running at the kill, and not yet checkpointed, come twice.
 */
class LogRestartSafetyTest {

    private static final int LINES = 100_000;
    private static final int ROTATE_AT = LINES / 2;
    /** The writer's pace: 500 lines every 50 ms (10k lines/s), so one 200 ms poll reads about 2,000 lines. */
    private static final int CHUNK = 500;
    private static final long CHUNK_PAUSE_MILLIS = 50;
    private static final int ONE_POLL = 10_000 * 200 / 1000;

    @TempDir
    Path work;

    @Test
    void aKilledCollectorLosesNoLineAcrossARotation() throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Path storage = Files.createDirectories(work.resolve("storage"));
        try (OtlpSink sink = new OtlpSink()) {
            Path config = work.resolve("config.yaml");
            Files.writeString(config, """
                    extensions:
                      file_storage:
                        directory: %s
                    receivers:
                      file_log:
                        include: [ %s/app.log* ]
                        start_at: beginning
                        storage: file_storage
                    exporters:
                      otlp_http:
                        endpoint: %s
                        compression: none
                        sending_queue:
                          enabled: false
                    service:
                      extensions: [ file_storage ]
                      telemetry:
                        metrics:
                          level: none
                      pipelines:
                        logs:
                          receivers: [ file_log ]
                          exporters: [ otlp_http ]
                    """.formatted(storage, in, sink.endpoint()));

            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> write(in, written), "line-writer");
            ContribCollector first = ContribCollector.start(work, "--config", config.toString());
            try {
                first.awaitOutput("Everything is ready", Duration.ofSeconds(60));
                writer.start();
                // kill it mid-stream, shortly before the rotation
                assertThat(sink.await(() -> sink.logs.size() >= ROTATE_AT - 8 * CHUNK, 60)).as(first.tail(5000))
                        .isTrue();
                first.kill();
            } finally {
                first.close();
            }
            int atKill = written.get();
            // the rotation happens while no collector runs: app.log.1 is half read, app.log is new
            while (written.get() < ROTATE_AT + 10 * CHUNK) {
                Thread.sleep(20);
            }
            ContribCollector second = ContribCollector.start(work, "--config", config.toString());
            try {
                second.awaitOutput("Everything is ready", Duration.ofSeconds(60));
                writer.join(120_000);
                assertThat(written.get()).isEqualTo(LINES);
                assertThat(sink.await(() -> distinct(sink.logs) == LINES, 120))
                        .as("distinct lines delivered: " + distinctLocked(sink) + "\n" + second.tail(5000)).isTrue();
                Thread.sleep(2000); // anything still coming would be a duplicate
                assertThat(second.terminate(Duration.ofSeconds(30))).isEqualTo(0);
                assertThat(second.all()).contains("Resuming from previously known offset(s)");
            } finally {
                second.close();
            }
            int delivered;
            int distinct;
            synchronized (sink) {
                delivered = sink.logs.size();
                distinct = distinct(sink.logs);
            }
            int duplicates = delivered - distinct;
            System.out.printf("restart safety: %d lines written (%d when killed), %d delivered, %d lost, %d duplicates"
                    + " (one poll is about %d lines)%n", LINES, atKill, delivered, LINES - distinct, duplicates,
                    ONE_POLL);
            assertThat(distinct).isEqualTo(LINES);
            assertThat(duplicates).as("duplicates").isLessThan(ONE_POLL);
        }
    }

    private static int distinctLocked(OtlpSink sink) {
        synchronized (sink) {
            return distinct(sink.logs);
        }
    }

    /** How many different line numbers the records carry (callers hold the sink's lock). */
    private static int distinct(List<LogRecord> records) {
        BitSet seen = new BitSet(LINES);
        for (LogRecord r : records) {
            String body = r.getBody().getStringValue();
            seen.set(Integer.parseInt(body.substring(5, 11)));
        }
        return seen.cardinality();
    }

    /** Appends the lines at a steady pace; renames app.log to app.log.1 half-way and goes on in a new app.log. */
    private static void write(Path dir, AtomicInteger written) {
        Path log = dir.resolve("app.log");
        String padding = "x".repeat(40);
        try {
            OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            for (int i = 0; i < LINES; i += CHUNK) {
                if (i == ROTATE_AT) {
                    out.close();
                    Files.move(log, dir.resolve("app.log.1"));
                    out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                StringBuilder chunk = new StringBuilder();
                for (int j = i; j < i + CHUNK; j++) {
                    chunk.append(String.format("line %06d %s%n", j, padding));
                }
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                written.addAndGet(CHUNK);
                Thread.sleep(CHUNK_PAUSE_MILLIS);
            }
            out.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
