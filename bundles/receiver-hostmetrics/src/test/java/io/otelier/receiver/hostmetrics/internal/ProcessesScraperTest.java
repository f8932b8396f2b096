package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processes scraper against this host's /proc and a fixed fake root. */
class ProcessesScraperTest {

    @TempDir
    Path root;

    @Test
    void countsMatchProc() throws Exception {
        ProcessesScraper scraper = new ProcessesScraper(new ProcFs(""));
        scraper.start();
        long createdBefore = counter("processes");
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(ProcessesScraper.CATALOG, Map.of()));
        long createdAfter = counter("processes");
        long pids;
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            pids = dirs.filter(p -> p.getFileName().toString().matches("\\d+")).count();
        }

        assertThat(names(scope)).containsExactly("system.processes.count", "system.processes.created");
        Metric count = metric(scope, "system.processes.count");
        assertThat(count.unit()).isEqualTo("{processes}");
        assertThat(count.sum().isMonotonic()).isFalse();
        long total = points(count).stream().mapToLong(p -> p.intValue()).sum();
        assertThat(total).as("every process once, give or take the ones started meanwhile")
                .isBetween(pids - 20, pids + 20);
        assertThat(point(count, "status", "running").intValue()).isBetween(1L, Scrapes.procStat().size() + 20L);
        assertThat(point(count, "status", "sleeping").intValue()).isPositive();

        Metric created = metric(scope, "system.processes.created");
        assertThat(created.sum().isMonotonic()).isTrue();
        assertThat(points(created).get(0).intValue()).isBetween(createdBefore, createdAfter);
    }

    @Test
    void statesFromAFakeRoot() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), """
                cpu0 1 1 1 1 1 1 1 1
                btime 1700000000
                processes 4242
                procs_running 2
                procs_blocked 1
                """);
        process(1, "S (sleeping)");
        process(2, "Z (zombie)");
        process(3, "I (idle)");
        process(4, "R (running)");
        process(5, "t (tracing stop)");
        process(6, "X (dead)");
        Files.createDirectories(root.resolve("proc/7"));
        for (int ended = 8; ended <= 10; ended++) {
            Files.createDirectories(root.resolve("proc/" + ended));
        }
        Files.createDirectories(root.resolve("proc/self"));

        ProcessesScraper scraper = new ProcessesScraper(new ProcFs(root.toString()));
        scraper.start();
        Metric count = metric(Scrapes.scrapeOnce(scraper, new MetricsBuilder(ProcessesScraper.CATALOG, Map.of())),
                "system.processes.count");

        Map<String, Long> byStatus = points(count).stream()
                .collect(Collectors.toMap(p -> attributes(p).get("status"), p -> p.intValue()));
        // running and blocked come from /proc/stat; 10 /proc/[pid] dirs against 8 known (the dead one included,
        // running counted as /proc/stat says) make unknown 10 - 8, replacing the count of 1, as upstream
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("sleeping", 1L, "zombies", 1L, "idle", 1L,
                "running", 2L, "blocked", 1L, "stopped", 1L, "unknown", 2L));
        assertThat(points(count).get(0).startTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    }

    private void process(int pid, String state) throws Exception {
        Files.createDirectories(root.resolve("proc/" + pid));
        Files.writeString(root.resolve("proc/" + pid + "/status"), "Name:\tx\nState:\t" + state + "\nPid:\t" + pid + "\n");
    }

    private static long counter(String name) throws Exception {
        return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith(name + " "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElseThrow();
    }
}
