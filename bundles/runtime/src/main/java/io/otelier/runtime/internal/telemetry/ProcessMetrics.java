package io.otelier.runtime.internal.telemetry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's process metrics (service/internal/proctelemetry), under their upstream names, read from the JVM:
 * <ul>
 * <li>{@code otelcol_process_uptime}: seconds since the collector started its telemetry (observable counter)
 * <li>{@code otelcol_process_runtime_heap_alloc_bytes}: JVM heap in use (Go: MemStats.HeapAlloc)
 * <li>{@code otelcol_process_runtime_total_sys_memory_bytes}: heap plus non-heap memory the JVM has committed
 *     (Go: MemStats.Sys, memory obtained from the OS)
 * <li>{@code otelcol_process_memory_rss}: resident set size, from /proc/self/status (Linux only)
 * <li>{@code otelcol_process_cpu_seconds}: user plus system CPU time of the process (observable counter)
 * </ul>
 * Upstream's {@code otelcol_process_runtime_total_alloc_bytes} (cumulative allocation) has no JVM counterpart on
 * Java 17 and is not registered.
 */
public final class ProcessMetrics {

    /** The scope upstream registers these under. */
    public static final String SCOPE = "go.opentelemetry.io/collector/service";

    static final Path PROC_STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {
    }

    /**
     * Registers the process metrics; uptime counts from {@code startNanos} ({@link System#nanoTime()} clock).
     *
     * @return removes them all again
     */
    public static Registration register(MetricsRegistry registry, long startNanos) {
        if (!registry.enabled()) {
            return Registration.NOOP;
        }
        MetricsRegistry.Scope meter = registry.scope(SCOPE);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Registration> registrations = new ArrayList<>();
        registrations.add(meter.observableCounter("otelcol_process_uptime", "Uptime of the process [Alpha]", "s",
                () -> (System.nanoTime() - startNanos) / 1e9));
        registrations.add(meter.gauge("otelcol_process_runtime_heap_alloc_bytes",
                "Bytes of allocated heap objects (JVM heap memory in use) [Alpha]", "By",
                () -> memory.getHeapMemoryUsage().getUsed()));
        registrations.add(meter.gauge("otelcol_process_runtime_total_sys_memory_bytes",
                "Total bytes of memory obtained from the OS (JVM heap and non-heap memory committed) [Alpha]", "By",
                () -> memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()));
        if (residentSetBytes(PROC_STATUS) >= 0) {
            registrations.add(meter.gauge("otelcol_process_memory_rss",
                    "Total physical memory (resident set size) [Alpha]", "By", ProcessMetrics::currentRss));
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean process && process.getProcessCpuTime() >= 0) {
            registrations.add(meter.observableCounter("otelcol_process_cpu_seconds",
                    "Total CPU user and system time in seconds [Alpha]", "s",
                    () -> process.getProcessCpuTime() / 1e9));
        }
        return MetricsRegistry.all(registrations);
    }

    /** Throws when /proc cannot be read, so the scrape skips the series rather than report a bogus value. */
    private static long currentRss() {
        long rss = residentSetBytes(PROC_STATUS);
        if (rss < 0) {
            throw new IllegalStateException("cannot read " + PROC_STATUS);
        }
        return rss;
    }

    /** VmRSS of a /proc status file in bytes, or -1 when it cannot be read. */
    static long residentSetBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    long kib = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? kib * 1024 : kib;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
