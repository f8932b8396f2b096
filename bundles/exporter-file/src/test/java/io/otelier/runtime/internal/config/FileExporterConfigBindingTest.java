package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.exporter.file.internal.FileExporterConfig;
import io.otelier.exporter.file.internal.FileExporterFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream-shaped YAML for exporters::file, bound by the collector's own binder. */
class FileExporterConfigBindingTest {

    @TempDir
    Path dir;

    private final FileExporterFactory factory = new FileExporterFactory();

    @Test
    void theHandsOnConfigBindsAndRotatesAtOneMegabyte() throws Exception {
        Path out = dir.resolve("all.json");
        FileExporterConfig config = bind("path: " + out + "\nrotation:\n  max_megabytes: 1\n");
        assertThat(config.path()).isEqualTo(out.toString());
        assertThat(config.rotation()).isEqualTo(new FileExporterConfig.Rotation(1, 0, 100, false));
        assertThat(config.format()).isEqualTo("json");

        Exporter<Logs> exporter = factory.createLogs(TestSettings.of(ComponentKind.EXPORTER, "file").settings, config);
        exporter.start(new TestHost());
        Logs batch = new Logs();
        ScopeLogs scope = batch.resourceLogs().addNew().scopeLogs().addNew();
        for (int i = 0; i < 100; i++) {
            scope.logRecords().addNew().setBody(AnyValue.of("x".repeat(100))).attributes()
                    .put("log.file.name", "cndt-1.json");
        }
        long lineBytes = OtlpJson.encode(batch).length + 1;
        int batches = (int) (1024 * 1024 / lineBytes) + 2;
        for (int i = 0; i < batches; i++) {
            exporter.consume(RequestContext.EMPTY, batch);
        }
        exporter.shutdown();

        List<Path> backups;
        try (Stream<Path> files = Files.list(dir)) {
            backups = files.filter(p -> p.getFileName().toString()
                    .matches("all-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}-size\\.json")).toList();
        }
        assertThat(backups).hasSize(1);
        assertThat(Files.size(backups.get(0))).isLessThanOrEqualTo(1024 * 1024);
        long lines = Files.readAllLines(backups.get(0)).size() + Files.readAllLines(out).size();
        assertThat(lines).isEqualTo(batches);
        String last = Files.readAllLines(out).get(0);
        assertThat(OtlpJson.decodeLogs(last.getBytes(StandardCharsets.UTF_8))).isEqualTo(batch);
    }

    @Test
    void everyImplementedUpstreamKeyBinds() {
        FileExporterConfig config = bind("""
                path: /data/*.json
                append: true
                format: proto
                compression: zstd
                flush_interval: 5s
                create_directory: true
                directory_permissions: "0750"
                group_by:
                  enabled: true
                  resource_attribute: service.name
                  max_open_files: 10
                """);
        assertThat(config).isEqualTo(new FileExporterConfig("/data/*.json", true, null, "proto", "zstd",
                Duration.ofSeconds(5), true, "0750", new FileExporterConfig.GroupBy(true, "service.name", 10)));

        FileExporterConfig rotating = bind("""
                path: /data/x.json
                rotation:
                  max_megabytes: 10
                  max_days: 3
                  max_backups: 7
                  localtime: true
                group_by:
                  enabled: false
                """);
        assertThat(rotating.rotation()).isEqualTo(new FileExporterConfig.Rotation(10, 3, 7, true));
        assertThat(rotating.groupBy()).isEqualTo(FileExporterConfig.GroupBy.defaults());
    }

    @Test
    void aBareRotationSectionTurnsRotationOnWithDefaults() {
        assertThat(bind("path: x\nrotation:\n").rotation()).isEqualTo(FileExporterConfig.Rotation.defaults());
        assertThat(bind("path: x\n").rotation()).isNull();
    }

    @Test
    void unimplementedKeysAreNamedAndTyposRejected() {
        assertThatThrownBy(() -> bind("path: x\nencoding: otlp_encoding\n"))
                .hasMessageContaining("encoding").hasMessageContaining("not supported by this distribution yet");
        assertThatThrownBy(() -> bind("path: x\ncompression: zstd\ncompression_params:\n  level: 3\n"))
                .hasMessageContaining("compression_params")
                .hasMessageContaining("not supported by this distribution yet");
        assertThatThrownBy(() -> bind("path: x\nrotation:\n  max_megabyte: 1\n"))
                .hasMessageContaining("max_megabyte");
        assertThatThrownBy(() -> bind("path: x\nappend: true\nrotation:\n"))
                .hasMessageContaining("append and rotation enabled at the same time is not supported");
    }

    private FileExporterConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "exporters:\n  file:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("exporters")).get("file");
        return new ConfigBinder(resolved.sources()).bind(List.of("exporters", "file"), factory, raw);
    }
}
