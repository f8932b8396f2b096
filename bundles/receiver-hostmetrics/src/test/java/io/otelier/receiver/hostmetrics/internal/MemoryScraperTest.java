package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.on;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.procMeminfo;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.scrapeOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory scraper against this host's /proc/meminfo and against a fixed fake root. */
class MemoryScraperTest {

    /** Memory moves while the test runs; readings must agree with /proc/meminfo within this much. */
    private static final long TOLERANCE = 64L << 20;

    @TempDir
    Path root;

    @Test
    void defaultIsUsageByStateMatchingMeminfo() throws Exception {
        MemoryScraper scraper = new MemoryScraper(new ProcFs(""));
        scraper.start();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(MemoryScraper.CATALOG, Map.of()));
        Map<String, Long> kb = procMeminfo();

        assertThat(names(scope)).containsExactly("system.memory.usage");
        Metric usage = metric(scope, "system.memory.usage");
        assertThat(usage.unit()).isEqualTo("By");
        assertThat(usage.description()).isEqualTo("Bytes of memory in use.");
        assertThat(usage.type()).isEqualTo(MetricType.SUM);
        assertThat(usage.sum().isMonotonic()).isFalse();
        assertThat(usage.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        assertThat(points(usage)).extracting(p -> attributes(p).get("state")).containsExactly("used", "free",
                "buffered", "cached", "slab_reclaimable", "slab_unreclaimable");
        assertThat(points(usage)).allSatisfy(p -> {
            assertThat(p.valueType()).isEqualTo(NumberDataPoint.ValueType.INT);
            assertThat(p.startTimeUnixNano()).isEqualTo(Scrapes.bootTime() * 1_000_000_000L);
        });

        long total = kb.get("MemTotal") * 1024;
        assertThat(value(usage, "used")).isCloseTo(total - kb.get("MemAvailable") * 1024, within(TOLERANCE));
        assertThat(value(usage, "free")).isCloseTo(kb.get("MemFree") * 1024, within(TOLERANCE));
        assertThat(value(usage, "buffered")).isCloseTo(kb.get("Buffers") * 1024, within(TOLERANCE));
        assertThat(value(usage, "cached")).isCloseTo((kb.get("Cached") + kb.get("SReclaimable")) * 1024,
                within(TOLERANCE));
        assertThat(value(usage, "slab_reclaimable")).isCloseTo(kb.get("SReclaimable") * 1024, within(TOLERANCE));
        assertThat(value(usage, "slab_unreclaimable")).isCloseTo(kb.get("SUnreclaim") * 1024, within(TOLERANCE));
    }

    @Test
    void optionalMetricsMatchMeminfo() throws Exception {
        Map<String, MetricSettings> all = new HashMap<>();
        MemoryScraper.CATALOG.names().forEach(n -> all.put(n, on()));
        MemoryScraper scraper = new MemoryScraper(new ProcFs("/"));
        scraper.start();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(MemoryScraper.CATALOG, all));
        Map<String, Long> kb = procMeminfo();
        long total = kb.get("MemTotal") * 1024;

        assertThat(single(scope, "system.memory.limit")).isEqualTo(total);
        assertThat(single(scope, "system.linux.memory.available")).isCloseTo(kb.get("MemAvailable") * 1024,
                within(TOLERANCE));
        assertThat(single(scope, "system.memory.linux.shared")).isCloseTo(kb.get("Shmem") * 1024, within(TOLERANCE));
        assertThat(single(scope, "system.memory.linux.hugepages.page_size")).isEqualTo(kb.get("Hugepagesize") * 1024);
        assertThat(single(scope, "system.memory.linux.hugepages.limit")).isEqualTo(kb.get("HugePages_Total"));
        assertThat(single(scope, "system.memory.page_size")).isEqualTo(4096);
        assertThat(metric(scope, "system.memory.page_size").type()).isEqualTo(MetricType.GAUGE);
        assertThat(point(metric(scope, "system.memory.linux.hugepages.usage"),
                "system.memory.linux.hugepages.state", "free").intValue()).isEqualTo(kb.get("HugePages_Free"));

        Metric utilization = metric(scope, "system.memory.utilization");
        assertThat(utilization.type()).isEqualTo(MetricType.GAUGE);
        assertThat(utilization.unit()).isEqualTo("1");
        assertThat(point(utilization, "state", "used").doubleValue())
                .isCloseTo((double) value(metric(scope, "system.memory.usage"), "used") / total, within(1e-12));
    }

    @Test
    void everyMetricFromAFakeRoot() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/meminfo"), """
                MemTotal:        1000000 kB
                MemFree:          200000 kB
                MemAvailable:     600000 kB
                Buffers:           10000 kB
                Cached:           300000 kB
                Shmem:              5000 kB
                Dirty:               123 kB
                SReclaimable:      40000 kB
                SUnreclaim:        20000 kB
                HugePages_Total:      10
                HugePages_Free:        4
                HugePages_Rsvd:        1
                HugePages_Surp:        2
                Hugepagesize:       2048 kB
                """);
        Map<String, MetricSettings> all = new HashMap<>();
        MemoryScraper.CATALOG.names().forEach(n -> all.put(n, on()));
        MemoryScraper scraper = new MemoryScraper(new ProcFs(root.toString()));
        scraper.start();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(MemoryScraper.CATALOG, all));

        assertThat(names(scope)).containsExactly("system.linux.memory.available", "system.linux.memory.dirty",
                "system.memory.limit", "system.memory.linux.hugepages.limit", "system.memory.linux.hugepages.page_size",
                "system.memory.linux.hugepages.reserved", "system.memory.linux.hugepages.surplus",
                "system.memory.linux.hugepages.usage", "system.memory.linux.hugepages.utilization",
                "system.memory.linux.shared", "system.memory.page_size", "system.memory.usage",
                "system.memory.utilization");
        Metric usage = metric(scope, "system.memory.usage");
        assertThat(value(usage, "used")).isEqualTo(400_000L * 1024);
        assertThat(value(usage, "free")).isEqualTo(200_000L * 1024);
        assertThat(value(usage, "buffered")).isEqualTo(10_000L * 1024);
        assertThat(value(usage, "cached")).isEqualTo(340_000L * 1024);
        assertThat(value(usage, "slab_reclaimable")).isEqualTo(40_000L * 1024);
        assertThat(value(usage, "slab_unreclaimable")).isEqualTo(20_000L * 1024);
        assertThat(point(metric(scope, "system.memory.utilization"), "state", "used").doubleValue()).isEqualTo(0.4);
        assertThat(single(scope, "system.linux.memory.dirty")).isEqualTo(123L * 1024);
        assertThat(single(scope, "system.memory.linux.hugepages.reserved")).isEqualTo(1);
        assertThat(single(scope, "system.memory.linux.hugepages.surplus")).isEqualTo(2);
        assertThat(single(scope, "system.memory.linux.hugepages.page_size")).isEqualTo(2048L * 1024);
        Metric hugeUsage = metric(scope, "system.memory.linux.hugepages.usage");
        assertThat(hugeUsage.unit()).isEqualTo("{page}");
        assertThat(point(hugeUsage, "system.memory.linux.hugepages.state", "used").intValue()).isEqualTo(6);
        assertThat(point(metric(scope, "system.memory.linux.hugepages.utilization"),
                "system.memory.linux.hugepages.state", "free").doubleValue()).isEqualTo(0.4);
        assertThat(points(usage).get(0).startTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    }

    @Test
    void aDisabledAttributeMergesStates() throws Exception {
        MemoryScraper scraper = new MemoryScraper(new ProcFs(""));
        scraper.start();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(MemoryScraper.CATALOG,
                Map.of("system.memory.usage", new MetricSettings(null, null, List.of()))));

        Metric usage = metric(scope, "system.memory.usage");
        assertThat(points(usage)).singleElement().satisfies(p -> {
            assertThat(attributes(p)).isEmpty();
            assertThat(p.intValue()).as("every state summed").isGreaterThan(procMeminfo().get("MemTotal") * 1024 / 2);
        });
    }

    private static long value(Metric usage, String state) {
        return point(usage, "state", state).intValue();
    }

    private static long single(ScopeMetrics scope, String name) {
        List<NumberDataPoint> points = points(metric(scope, name));
        assertThat(points).as(name).hasSize(1);
        return points.get(0).intValue();
    }
}
