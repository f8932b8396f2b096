package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.otlp.OtlpJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file exporter writes, the otlpjsonfile receiver reads back (contrib distribution): file_log → file
 * exporter (first.json) in one pipeline, otlpjsonfile on first.json → file exporter (second.json) in another; the
 * second file ends up with the same lines as the first.
 */
class FileRoundTripTest {

    @TempDir
    Path work;

    @Test
    void otlpJsonFileReadsBackWhatTheFileExporterWrote() throws Exception {
        Path config = work.resolve("config.yaml");
        Files.writeString(config, """
                receivers:
                  file_log:
                    include: [ %1$s/app.log ]
                    start_at: beginning
                  otlpjsonfile:
                    include: [ %1$s/first.json ]
                    start_at: beginning
                exporters:
                  file/first:
                    path: %1$s/first.json
                  file/second:
                    path: %1$s/second.json
                service:
                  telemetry:
                    metrics:
                      level: none
                  pipelines:
                    logs/in:
                      receivers: [ file_log ]
                      exporters: [ file/first ]
                    logs/back:
                      receivers: [ otlpjsonfile ]
                      exporters: [ file/second ]
                """.formatted(work));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            lines.append("line ").append(i).append(" of the round trip\n");
        }
        Files.writeString(work.resolve("app.log"), lines);
        try (ContribCollector c = ContribCollector.start(work, "--config", config.toString())) {
            c.awaitOutput("Everything is ready", Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records(work.resolve("second.json")) < 250 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(records(work.resolve("second.json"))).as(c.tail(5000)).isEqualTo(250);
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
        List<String> first = Files.readAllLines(work.resolve("first.json"), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(work.resolve("second.json"), StandardCharsets.UTF_8);
        assertThat(second).isEqualTo(first);
    }

    /** Log records in the complete lines of an OTLP/JSON file. */
    private static int records(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                n += OtlpJson.decodeLogs(line.getBytes(StandardCharsets.UTF_8)).logRecordCount();
            } catch (Exception partial) {
                // still being written
            }
        }
        return n;
    }
}
