package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.otelier.api.telemetry.MetricsLevel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMetricsTest {

    private static Map<String, Double> samples(MetricsRegistry registry) {
        Map<String, Double> values = new HashMap<>();
        for (String line : registry.render().split("\n")) {
            if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    @Test
    void upstreamNamesWithPlausibleJvmValues() throws Exception {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        long start = System.nanoTime() - 2_000_000_000L;
        ProcessMetrics.register(registry, start);

        Map<String, Double> values = samples(registry);

        assertThat(values.get("otelcol_process_uptime")).isBetween(2.0, 2.0 + (System.nanoTime() - start) / 1e9);
        double heap = values.get("otelcol_process_runtime_heap_alloc_bytes");
        double committed = values.get("otelcol_process_runtime_total_sys_memory_bytes");
        assertThat(heap).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(committed).isGreaterThanOrEqualTo(Runtime.getRuntime().totalMemory() * 0.5);
        double cpu = values.get("otelcol_process_cpu_seconds");
        double jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        assertThat(cpu).isPositive()
                .isLessThanOrEqualTo((jvmUptime + 1) * Runtime.getRuntime().availableProcessors());
        assertThat(registry.render()).contains("# TYPE otelcol_process_uptime counter\n",
                "# TYPE otelcol_process_cpu_seconds counter\n",
                "# TYPE otelcol_process_runtime_heap_alloc_bytes gauge\n",
                "# TYPE otelcol_process_runtime_total_sys_memory_bytes gauge\n");
    }

    @Test
    void rssMatchesWhatTheKernelReports() throws Exception {
        Path statm = Path.of("/proc/self/statm");
        assumeThat(Files.isReadable(statm)).as("Linux /proc").isTrue();
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        ProcessMetrics.register(registry, System.nanoTime());

        double before = residentBytes(statm);
        double rss = samples(registry).get("otelcol_process_memory_rss");
        double after = residentBytes(statm);

        assertThat(rss).isPositive();
        // The kernel's counter read just before and just after brackets ours; the slack covers pages touched
        // by rendering the metrics between the reads (under load the JVM may grow the heap meanwhile).
        double slack = Math.max(Math.max(before, after) * 0.1, 32 * 1024 * 1024);
        assertThat(rss).isBetween(Math.min(before, after) - slack, Math.max(before, after) + slack);
    }

    private static double residentBytes(Path statm) throws Exception {
        return Long.parseLong(Files.readString(statm).trim().split("\\s+")[1]) * (double) pageSize();
    }

    @Test
    void uptimeAndCpuGrow() throws Exception {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);
        ProcessMetrics.register(registry, System.nanoTime());
        Map<String, Double> first = samples(registry);
        long spin = System.nanoTime() + 50_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        Map<String, Double> second = samples(registry);

        assertThat(sink).isPositive();
        assertThat(second.get("otelcol_process_uptime")).isGreaterThan(first.get("otelcol_process_uptime"));
        assertThat(second.get("otelcol_process_cpu_seconds")).isGreaterThan(first.get("otelcol_process_cpu_seconds"));
    }

    @Test
    void closingRemovesThem() {
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL);

        ProcessMetrics.register(registry, System.nanoTime()).close();

        assertThat(registry.render()).isEmpty();
    }

    @Test
    void readsVmRssFromAStatusFile(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n");

        assertThat(ProcessMetrics.residentSetBytes(status)).isEqualTo(123456L * 1024);
        assertThat(ProcessMetrics.residentSetBytes(dir.resolve("missing"))).isEqualTo(-1);
        Files.writeString(status, "Name:\tjava\n");
        assertThat(ProcessMetrics.residentSetBytes(status)).isEqualTo(-1);
    }

    private static long pageSize() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "PAGESIZE").redirectErrorStream(true).start();
        String out = new String(getconf.getInputStream().readAllBytes()).trim();
        return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 4096;
    }
}
