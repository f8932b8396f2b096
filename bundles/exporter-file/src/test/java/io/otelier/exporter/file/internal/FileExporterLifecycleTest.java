package io.otelier.exporter.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.testkit.ExporterLifecycle;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void everySignalStartsConsumesAndShutsDownWithoutLeakingThreads() throws Exception {
        FileExporterFactory factory = new FileExporterFactory();
        TestSettings settings = TestSettings.of(ComponentKind.EXPORTER, "file/lifecycle");
        Path out = dir.resolve("out.json");
        FileExporterConfig config = new FileExporterConfig(out.toString(), false, null, "json", "",
                Duration.ofMillis(10), false, "", FileExporterConfig.GroupBy.defaults());

        Threads.assertNoneLeftBy(() -> {
            ExporterLifecycle.run(factory.createTraces(settings.settings, config), Samples.traces("t"));
            ExporterLifecycle.run(factory.createMetrics(settings.settings, config), Samples.metrics("m"));
            ExporterLifecycle.run(factory.createLogs(settings.settings, config), Samples.logs("l"));
        });
        assertThat(factory.sharedCount()).isZero();
        // each run restarts the exporter, which truncates: the last one's line is there
        assertThat(Files.readAllLines(out)).hasSize(1).allMatch(l -> l.startsWith("{\"resourceLogs\":"));
    }

    @Test
    void shutdownWithoutStartIsHarmless() throws Exception {
        FileExporterFactory factory = new FileExporterFactory();
        var exporter = factory.createLogs(TestSettings.of(ComponentKind.EXPORTER, "file").settings,
                FileExporterConfig.defaults());
        exporter.shutdown();
        assertThat(factory.sharedCount()).isZero();
    }

    @Test
    void factoryDescribesUpstreamsComponent() {
        FileExporterFactory factory = new FileExporterFactory();
        assertThat(factory.type()).isEqualTo("file");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signals()).hasSize(3)
                .allSatisfy((signal, stability) -> assertThat(stability.name()).isEqualTo("ALPHA"));
        assertThat(factory.unsupportedKeys()).containsExactlyInAnyOrder("encoding", "compression_params");
    }
}
