package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code cpu} scraper (upstream internal/scraper/cpuscraper, Linux). */
final class CpuScraper implements Scraper {

    static final String TIME = "system.cpu.time";
    static final String UTILIZATION = "system.cpu.utilization";
    static final String LOGICAL_COUNT = "system.cpu.logical.count";
    static final String PHYSICAL_COUNT = "system.cpu.physical.count";
    static final String FREQUENCY = "system.cpu.frequency";

    private static final List<String> CPU_STATE = List.of("cpu", "state");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.gauge(FREQUENCY, "Current frequency of the CPU core in Hz.", "Hz", false)
                    .attributes(List.of("cpu"), List.of("cpu")),
            MetricSpec.sum(LOGICAL_COUNT, "Number of available logical CPUs.", "{cpu}", true, false).enabled(),
            MetricSpec.sum(PHYSICAL_COUNT, "Number of available physical CPUs.", "{cpu}", true, false),
            // "cpu" is opt-in upstream since the per-CPU series were judged too many by default
            MetricSpec.sum(TIME, "Total seconds each logical CPU spent on each mode.", "s", false, true)
                    .attributes(CPU_STATE, List.of("state")).enabled(),
            MetricSpec.gauge(UTILIZATION, "Difference in system.cpu.time since the last measurement per logical CPU, "
                    + "divided by the elapsed time (value in interval [0,1]).", "1", false)
                    .attributes(CPU_STATE, List.of("state"))));

    private final ProcFs proc;
    private long startTime;
    private Map<String, ProcFs.CpuTimes> previous;

    CpuScraper(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String type() {
        return "cpu";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        List<ProcFs.CpuTimes> times = proc.cpuTimes();
        for (ProcFs.CpuTimes t : times) {
            recordStates(b, TIME, now, t.cpu(), t.user(), t.system(), t.idle(), t.irq(), t.nice(), t.softirq(),
                    t.steal(), t.iowait());
        }
        recordUtilization(b, now, times);
        if (b.enabled(PHYSICAL_COUNT)) {
            b.record(PHYSICAL_COUNT, startTime, now, proc.physicalCpuCount());
        }
        if (b.enabled(LOGICAL_COUNT)) {
            b.record(LOGICAL_COUNT, startTime, now, proc.logicalCpuCount());
        }
        if (b.enabled(FREQUENCY)) {
            for (ProcFs.CpuInfo info : proc.cpuInfo()) {
                b.record(FREQUENCY, startTime, now, info.mhz() * 1_000_000, "cpu" + info.processor());
            }
        }
    }

    /** Utilization needs two readings: the first scrape only remembers the times, as upstream's calculator. */
    private void recordUtilization(MetricsBuilder b, long now, List<ProcFs.CpuTimes> times) throws IOException {
        Map<String, ProcFs.CpuTimes> current = new LinkedHashMap<>();
        times.forEach(t -> current.put(t.cpu(), t));
        if (previous != null) {
            for (ProcFs.CpuTimes before : previous.values()) {
                ProcFs.CpuTimes after = current.get(before.cpu());
                if (after == null) {
                    previous = current;
                    throw new IOException("getting time for cpu " + before.cpu() + ": cannot find TimesStat for cpu");
                }
                double elapsed = after.total() - before.total();
                if (elapsed <= 0) {
                    recordStates(b, UTILIZATION, now, before.cpu(), 0, 0, 0, 0, 0, 0, 0, 0);
                } else {
                    recordStates(b, UTILIZATION, now, before.cpu(), (after.user() - before.user()) / elapsed,
                            (after.system() - before.system()) / elapsed, (after.idle() - before.idle()) / elapsed,
                            (after.irq() - before.irq()) / elapsed, (after.nice() - before.nice()) / elapsed,
                            (after.softirq() - before.softirq()) / elapsed, (after.steal() - before.steal()) / elapsed,
                            (after.iowait() - before.iowait()) / elapsed);
                }
            }
        }
        previous = current;
    }

    /** Records one value per state in upstream's order: user, system, idle, interrupt, nice, softirq, steal, wait. */
    private void recordStates(MetricsBuilder b, String metric, long now, String cpu, double user, double system,
            double idle, double irq, double nice, double softirq, double steal, double iowait) {
        b.record(metric, startTime, now, user, cpu, "user");
        b.record(metric, startTime, now, system, cpu, "system");
        b.record(metric, startTime, now, idle, cpu, "idle");
        b.record(metric, startTime, now, irq, cpu, "interrupt");
        b.record(metric, startTime, now, nice, cpu, "nice");
        b.record(metric, startTime, now, softirq, cpu, "softirq");
        b.record(metric, startTime, now, steal, cpu, "steal");
        b.record(metric, startTime, now, iowait, cpu, "wait");
    }
}
