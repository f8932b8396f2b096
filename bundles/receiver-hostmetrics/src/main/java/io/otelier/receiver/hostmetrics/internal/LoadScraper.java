package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.util.List;

/** The {@code load} scraper (upstream internal/scraper/loadscraper, Linux: /proc/loadavg). */
final class LoadScraper implements Scraper {

    static final String LOAD_1M = "system.cpu.load_average.1m";
    static final String LOAD_5M = "system.cpu.load_average.5m";
    static final String LOAD_15M = "system.cpu.load_average.15m";

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.gauge(LOAD_15M, "Average CPU Load over 15 minutes.", "{thread}", false).enabled(),
            MetricSpec.gauge(LOAD_1M, "Average CPU Load over 1 minute.", "{thread}", false).enabled(),
            MetricSpec.gauge(LOAD_5M, "Average CPU Load over 5 minutes.", "{thread}", false).enabled()));

    private final ProcFs proc;
    private final boolean cpuAverage;
    private long startTime;

    LoadScraper(ProcFs proc, boolean cpuAverage) {
        this.proc = proc;
        this.cpuAverage = cpuAverage;
    }

    @Override
    public String type() {
        return "load";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        double[] load = proc.loadAverages();
        // upstream divides by Go's runtime.NumCPU(): the CPUs this process may run on
        double divisor = cpuAverage ? ProcFs.usableCpuCount() : 1;
        b.record(LOAD_1M, startTime, now, load[0] / divisor);
        b.record(LOAD_5M, startTime, now, load[1] / divisor);
        b.record(LOAD_15M, startTime, now, load[2] / divisor);
    }
}
