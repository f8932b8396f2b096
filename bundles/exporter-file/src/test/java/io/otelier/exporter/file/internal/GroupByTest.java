package io.otelier.exporter.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Logs;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupByTest {

    private static final String ATTR = "fileexporter.path_segment";

    @TempDir
    Path dir;

    private FileExporterConfig config(String pattern, boolean append, int maxOpenFiles) {
        return new FileExporterConfig(dir.resolve(pattern).toString(), append, null, "json", "", Duration.ofHours(1),
                false, "", new FileExporterConfig.GroupBy(true, ATTR, maxOpenFiles));
    }

    @ParameterizedTest
    @CsvSource({
        "/data/*.json, svc, /data/svc.json",
        "/data/*.json, team/svc, /data/team/svc.json",
        "/data/*.json, ../etc/my_config, /data/etc/my_config.json",
        "/data/*.json, ./x, /data/x.json",
        "/data/*.json, a/../../../../x, /data/x.json",
        "/data/x-*, y, /data/x-y",
        "./data/*.json, s, data/s.json",
    })
    void pathsStayUnderThePrefix(String pattern, String segment, String expected) {
        assertThat(new GroupPaths(pattern).pathFor(segment)).isEqualTo(expected);
    }

    @Test
    void writesEachResourceToTheFileOfItsAttributeAndDropsTheRest() throws Exception {
        Exporter<Logs> l = new FileExporterFactory().createLogs(
                TestSettings.of(ComponentKind.EXPORTER, "file").settings, config("out/*/logs.json", false, 100));
        l.start(new TestHost());
        Logs batch = Samples.logsBy(ATTR, "a", "b", null, "a");
        batch.resourceLogs().addNew().resource().attributes().put(ATTR, 7L); // not a string: dropped
        l.consume(RequestContext.EMPTY, batch);
        l.shutdown();

        List<String> a = Files.readAllLines(dir.resolve("out/a/logs.json"));
        assertThat(a).hasSize(1);
        Logs decoded = OtlpJson.decodeLogs(a.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(Samples.logsBy(ATTR, "a", "a"));
        assertThat(Files.readAllLines(dir.resolve("out/b/logs.json"))).hasSize(1);
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a", "b");
        }
    }

    @Test
    void closesTheLeastRecentlyUsedFileBeyondMaxOpenFiles() throws Exception {
        FileExporter exporter = new FileExporter(config("*.json", true, 2),
                TestSettings.of(ComponentKind.EXPORTER, "file").logger, java.time.Clock.systemUTC(), () -> { });
        exporter.start();
        exporter.export(SignalCodec.LOGS, Samples.logsBy(ATTR, "a"));
        exporter.export(SignalCodec.LOGS, Samples.logsBy(ATTR, "b"));
        assertThat(Files.size(dir.resolve("a.json"))).as("buffered while open").isZero();
        exporter.export(SignalCodec.LOGS, Samples.logsBy(ATTR, "c")); // a is the least recently used
        assertThat(Files.readAllLines(dir.resolve("a.json"))).as("flushed when evicted").hasSize(1);
        assertThat(Files.size(dir.resolve("b.json"))).isZero();
        exporter.export(SignalCodec.LOGS, Samples.logsBy(ATTR, "a")); // reopened, appending
        exporter.shutdown();
        assertThat(Files.readAllLines(dir.resolve("a.json"))).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("b.json"))).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("c.json"))).hasSize(1);
    }
}
