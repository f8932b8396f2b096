package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code paging} scraper (upstream internal/scraper/pagingscraper, Linux): swap devices from /proc/swaps and
 * paging counters from /proc/vmstat. Like gopsutil, every vmstat counter (faults included) is multiplied by
 * 4 KiB, and /proc/swaps is read from this system's /proc whatever {@code root_path} says.
 */
final class PagingScraper implements Scraper {

    static final String FAULTS = "system.paging.faults";
    static final String OPERATIONS = "system.paging.operations";
    static final String USAGE = "system.paging.usage";
    static final String UTILIZATION = "system.paging.utilization";

    static final Path SWAPS = Path.of("/proc/swaps");

    private static final long GOPSUTIL_PAGE = 4 * 1024;
    private static final List<String> DEVICE_STATE = List.of("device", "state");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(FAULTS, "The number of page faults.", "{faults}", true, true)
                    .attributes(List.of("type"), List.of("type")).enabled(),
            MetricSpec.sum(OPERATIONS, "The number of paging operations.", "{operations}", true, true)
                    .attributes(List.of("direction", "type"), List.of("direction", "type")).enabled(),
            MetricSpec.sum(USAGE, "Swap (unix) or pagefile (windows) usage.", "By", true, false)
                    .attributes(DEVICE_STATE, DEVICE_STATE).enabled(),
            MetricSpec.gauge(UTILIZATION, "Swap (unix) or pagefile (windows) utilization.", "1", false)
                    .attributes(DEVICE_STATE, DEVICE_STATE)));

    private final ProcFs proc;
    private final Path swaps;
    private long startTime;

    PagingScraper(ProcFs proc, Path swaps) {
        this.proc = proc;
        this.swaps = swaps;
    }

    @Override
    public String type() {
        return "paging";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        IOException failure = null;
        try {
            recordSwapDevices(b, now);
        } catch (IOException e) {
            failure = new IOException("failed to read page file stats: " + e.getMessage(), e);
        }
        try {
            Map<String, Long> vm = proc.vmstat();
            b.record(OPERATIONS, startTime, now, pages(vm, "pswpin"), "page_in", "major");
            b.record(OPERATIONS, startTime, now, pages(vm, "pswpout"), "page_out", "major");
            b.record(OPERATIONS, startTime, now, pages(vm, "pgpgin"), "page_in", "minor");
            b.record(OPERATIONS, startTime, now, pages(vm, "pgpgout"), "page_out", "minor");
            b.record(FAULTS, startTime, now, pages(vm, "pgmajfault"), "major");
            b.record(FAULTS, startTime, now, pages(vm, "pgfault") - pages(vm, "pgmajfault"), "minor");
        } catch (IOException e) {
            IOException vmFailure = new IOException("failed to read swap info: " + e.getMessage(), e);
            if (failure != null) {
                vmFailure.addSuppressed(failure);
            }
            failure = vmFailure;
        }
        if (failure != null) {
            throw new PartialScrapeException(failure.getMessage(), failure);
        }
    }

    private void recordSwapDevices(MetricsBuilder b, long now) throws IOException {
        List<String> lines = Files.readAllLines(swaps);
        if (lines.isEmpty()) {
            throw new IOException("unexpected end-of-file in \"" + swaps + "\"");
        }
        String[] header = lines.get(0).trim().split("\\s+");
        if (header.length < 4 || !header[0].equals("Filename") || !header[2].equals("Size")
                || !header[3].equals("Used")) {
            throw new IOException("couldn't parse \"" + swaps + "\": unexpected header " + lines.get(0).trim());
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                throw new IOException("couldn't parse \"" + swaps + "\": expected ≥4 fields in row but got "
                        + line.trim());
            }
            long total = Long.parseLong(f[2]) * 1024;
            long used = Long.parseLong(f[3]) * 1024;
            b.record(USAGE, startTime, now, used, f[0], "used");
            b.record(USAGE, startTime, now, total - used, f[0], "free");
            b.record(UTILIZATION, startTime, now, (double) used / total, f[0], "used");
            b.record(UTILIZATION, startTime, now, (double) (total - used) / total, f[0], "free");
        }
    }

    private static long pages(Map<String, Long> vmstat, String key) {
        return vmstat.getOrDefault(key, 0L) * GOPSUTIL_PAGE;
    }
}
