package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code memory} scraper (upstream internal/scraper/memoryscraper, Linux), with gopsutil's reading of
 * /proc/meminfo: "cached" includes SReclaimable, and "used" is MemTotal - MemAvailable (upstream's
 * receiver.hostmetricsreceiver.UseLinuxMemAvailable gate, beta and so on in v0.165).
 */
final class MemoryScraper implements Scraper {

    static final String USAGE = "system.memory.usage";
    static final String UTILIZATION = "system.memory.utilization";
    static final String LIMIT = "system.memory.limit";
    static final String PAGE_SIZE = "system.memory.page_size";
    static final String AVAILABLE = "system.linux.memory.available";
    static final String DIRTY = "system.linux.memory.dirty";
    static final String SHARED = "system.memory.linux.shared";
    static final String HUGEPAGES_LIMIT = "system.memory.linux.hugepages.limit";
    static final String HUGEPAGES_PAGE_SIZE = "system.memory.linux.hugepages.page_size";
    static final String HUGEPAGES_RESERVED = "system.memory.linux.hugepages.reserved";
    static final String HUGEPAGES_SURPLUS = "system.memory.linux.hugepages.surplus";
    static final String HUGEPAGES_USAGE = "system.memory.linux.hugepages.usage";
    static final String HUGEPAGES_UTILIZATION = "system.memory.linux.hugepages.utilization";

    private static final List<String> STATE = List.of("state");
    private static final List<String> HUGEPAGES_STATE = List.of("system.memory.linux.hugepages.state");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            bytes(AVAILABLE, "An estimate of how much memory is available for starting new applications, without "
                    + "swapping. This is a more accurate alternative than system.memory.usage with state=free. "
                    + "(Linux only)"),
            bytes(DIRTY, "The amount of dirty memory according to `/proc/meminfo`."),
            bytes(LIMIT, "Total bytes of memory available."),
            pages(HUGEPAGES_LIMIT, "Total number of hugepages available."),
            bytes(HUGEPAGES_PAGE_SIZE, "System hugepage size in bytes."),
            pages(HUGEPAGES_RESERVED, "Number of reserved hugepages (hugepages for which a commitment to allocate has "
                    + "been made, but no allocation has yet been made). This is reported as a separate metric rather "
                    + "than a usage state because reserved pages are already counted in free pages - they represent a "
                    + "subset of free pages that cannot be used for non-reserved allocations."),
            pages(HUGEPAGES_SURPLUS, "Number of surplus hugepages (overcommitted hugepages beyond the persistent "
                    + "pool). This is reported as a separate metric rather than a usage state because surplus pages "
                    + "can be in either used or free state, and including them would break the semantic convention "
                    + "that usage states must sum to the limit."),
            pages(HUGEPAGES_USAGE, "Number of hugepages in use by state.").attributes(HUGEPAGES_STATE, HUGEPAGES_STATE),
            MetricSpec.gauge(HUGEPAGES_UTILIZATION, "Percentage of hugepages in use by state.", "1", false)
                    .attributes(HUGEPAGES_STATE, HUGEPAGES_STATE),
            bytes(SHARED, "Shared memory usage, including tmpfs filesystems and System V/POSIX shared memory. Only "
                    + "supported on Linux."),
            MetricSpec.gauge(PAGE_SIZE, "A constant value for the system's configured page size.", "By", true),
            bytes(USAGE, "Bytes of memory in use.").attributes(STATE, STATE).enabled(),
            MetricSpec.gauge(UTILIZATION, "Percentage of memory bytes in use.", "1", false).attributes(STATE, STATE)));

    private static MetricSpec bytes(String name, String description) {
        return MetricSpec.sum(name, description, "By", true, false);
    }

    private static MetricSpec pages(String name, String description) {
        return MetricSpec.sum(name, description, "{page}", true, false);
    }

    private final ProcFs proc;
    private long startTime;

    MemoryScraper(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        Map<String, Long> m = proc.memInfo();
        long total = m.get("MemTotal");
        long free = get(m, "MemFree");
        long buffers = get(m, "Buffers");
        long reclaimable = get(m, "SReclaimable");
        long cached = get(m, "Cached") + reclaimable;
        // kernels before 3.14 lack MemAvailable; gopsutil then estimates it as cached + free
        long available = m.containsKey("MemAvailable") ? m.get("MemAvailable") : cached + free;
        long unreclaimable = get(m, "SUnreclaim");

        long[] values = {total - available, free, buffers, cached, reclaimable, unreclaimable};
        String[] states = {"used", "free", "buffered", "cached", "slab_reclaimable", "slab_unreclaimable"};
        for (int i = 0; i < states.length; i++) {
            b.record(USAGE, startTime, now, values[i], states[i]);
        }
        if (total <= 0) {
            throw new IOException("invalid total memory: " + total);
        }
        for (int i = 0; i < states.length; i++) {
            b.record(UTILIZATION, startTime, now, (double) values[i] / total, states[i]);
        }
        b.record(LIMIT, startTime, now, total);
        b.record(AVAILABLE, startTime, now, available);
        b.record(DIRTY, startTime, now, get(m, "Dirty"));
        b.record(SHARED, startTime, now, get(m, "Shmem"));
        recordHugePages(b, now, m);
        if (b.enabled(PAGE_SIZE)) {
            b.record(PAGE_SIZE, startTime, now, ProcFs.pageSize());
        }
    }

    private void recordHugePages(MetricsBuilder b, long now, Map<String, Long> m) {
        long pagesTotal = get(m, "HugePages_Total");
        long pagesFree = get(m, "HugePages_Free");
        b.record(HUGEPAGES_PAGE_SIZE, startTime, now, get(m, "Hugepagesize"));
        b.record(HUGEPAGES_LIMIT, startTime, now, pagesTotal);
        b.record(HUGEPAGES_USAGE, startTime, now, pagesFree, "free");
        b.record(HUGEPAGES_USAGE, startTime, now, pagesTotal - pagesFree, "used");
        b.record(HUGEPAGES_RESERVED, startTime, now, get(m, "HugePages_Rsvd"));
        b.record(HUGEPAGES_SURPLUS, startTime, now, get(m, "HugePages_Surp"));
        if (pagesTotal != 0) {
            b.record(HUGEPAGES_UTILIZATION, startTime, now, (double) pagesFree / pagesTotal, "free");
            b.record(HUGEPAGES_UTILIZATION, startTime, now, (double) (pagesTotal - pagesFree) / pagesTotal, "used");
        }
    }

    private static long get(Map<String, Long> meminfo, String key) {
        return meminfo.getOrDefault(key, 0L);
    }
}
