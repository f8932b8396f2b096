package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paging scraper against this host's /proc/vmstat and fake swap tables. */
class PagingScraperTest {

    private static final long PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void countersMatchProcVmstatAndDevicesMatchTheSwapTable() throws Exception {
        Path swaps = dir.resolve("swaps");
        Files.writeString(swaps, """
                Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority
                /swapfile                               file\t\t2097148\t\t524288\t\t-2
                /dev/sdb2                               partition\t1000\t\t0\t\t-3
                """);
        PagingScraper scraper = new PagingScraper(new ProcFs(""), swaps);
        scraper.start();
        Map<String, Long> before = vmstat();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(PagingScraper.CATALOG,
                Map.of("system.paging.utilization", Scrapes.on())));
        Map<String, Long> after = vmstat();

        assertThat(names(scope)).containsExactly("system.paging.faults", "system.paging.operations",
                "system.paging.usage", "system.paging.utilization");
        Metric operations = metric(scope, "system.paging.operations");
        assertThat(operations.unit()).isEqualTo("{operations}");
        assertThat(operations.sum().isMonotonic()).isTrue();
        assertBetween(point(operations, "direction", "page_in", "type", "major").intValue(), before, after, "pswpin");
        assertBetween(point(operations, "direction", "page_out", "type", "minor").intValue(), before, after, "pgpgout");
        Metric faults = metric(scope, "system.paging.faults");
        assertThat(faults.unit()).isEqualTo("{faults}");
        assertBetween(point(faults, "type", "major").intValue(), before, after, "pgmajfault");
        assertThat(point(faults, "type", "minor").intValue()).isBetween(
                (before.get("pgfault") - after.get("pgmajfault")) * PAGE,
                (after.get("pgfault") - before.get("pgmajfault")) * PAGE);

        Metric usage = metric(scope, "system.paging.usage");
        assertThat(usage.unit()).isEqualTo("By");
        assertThat(usage.sum().isMonotonic()).isFalse();
        assertThat(point(usage, "device", "/swapfile", "state", "used").intValue()).isEqualTo(524288L * 1024);
        assertThat(point(usage, "device", "/swapfile", "state", "free").intValue()).isEqualTo((2097148L - 524288) * 1024);
        assertThat(point(usage, "device", "/dev/sdb2", "state", "free").intValue()).isEqualTo(1000L * 1024);
        assertThat(point(metric(scope, "system.paging.utilization"), "device", "/dev/sdb2", "state", "used")
                .doubleValue()).isZero();
    }

    @Test
    void thisHostsSwapTableIsRead() throws Exception {
        PagingScraper scraper = new PagingScraper(new ProcFs(""), PagingScraper.SWAPS);
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(PagingScraper.CATALOG, Map.of()));

        long devices = Files.readAllLines(PagingScraper.SWAPS).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(names(scope).contains("system.paging.usage")).isEqualTo(devices > 0);
    }

    @Test
    void aBrokenSwapTableStillReportsTheCounters() throws Exception {
        Path swaps = dir.resolve("swaps");
        Files.writeString(swaps, "Name Size\n");
        PagingScraper scraper = new PagingScraper(new ProcFs(""), swaps);
        scraper.start();
        MetricsBuilder builder = new MetricsBuilder(PagingScraper.CATALOG, Map.of());

        assertThatThrownBy(() -> scraper.scrape(builder, 1)).isInstanceOf(PartialScrapeException.class)
                .hasMessageStartingWith("failed to read page file stats");
        ScopeMetrics scope = new ScopeMetrics();
        builder.emitTo(scope);
        assertThat(names(scope)).containsExactly("system.paging.faults", "system.paging.operations");
    }

    private static void assertBetween(long value, Map<String, Long> before, Map<String, Long> after, String key) {
        assertThat(value).as(key).isBetween(before.get(key) * PAGE, after.get(key) * PAGE);
    }

    private static Map<String, Long> vmstat() throws IOException {
        return Files.readAllLines(Path.of("/proc/vmstat")).stream().map(l -> l.split(" "))
                .collect(Collectors.toMap(f -> f[0], f -> Long.parseLong(f[1])));
    }
}
