package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk scraper against this host's /proc/diskstats and a fixed fake root. */
class DiskScraperTest {

    @TempDir
    Path root;

    @Test
    void countersMatchProcDiskstats() throws Exception {
        DiskScraper scraper = new DiskScraper(new ProcFs(""), DiskSettings.defaults().deviceFilter());
        scraper.start();
        Map<String, long[]> before = diskstats();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(DiskScraper.CATALOG, Map.of()));
        Map<String, long[]> after = diskstats();

        assertThat(names(scope)).containsExactly("system.disk.io", "system.disk.io_time", "system.disk.merged",
                "system.disk.operation_time", "system.disk.operations", "system.disk.pending_operations",
                "system.disk.weighted_io_time");
        Metric io = metric(scope, "system.disk.io");
        assertThat(io.unit()).isEqualTo("By");
        assertThat(io.sum().isMonotonic()).isTrue();
        List<String> active = before.entrySet().stream().filter(e -> java.util.Arrays.stream(e.getValue())
                .anyMatch(v -> v != 0)).map(Map.Entry::getKey).toList();
        assertThat(points(io).stream().map(p -> attributes(p).get("device")).distinct().toList())
                .as("devices with any activity").containsExactlyInAnyOrderElementsOf(active);
        for (String device : active) {
            assertThat(point(io, "device", device, "direction", "read").intValue())
                    .isBetween(before.get(device)[2] * 512, after.get(device)[2] * 512);
            assertThat(point(metric(scope, "system.disk.operations"), "device", device, "direction", "write")
                    .intValue()).isBetween(before.get(device)[4], after.get(device)[4]);
            assertThat(point(metric(scope, "system.disk.io_time"), "device", device).doubleValue())
                    .isBetween(before.get(device)[9] / 1000.0, after.get(device)[9] / 1000.0);
        }
        assertThat(metric(scope, "system.disk.pending_operations").sum().isMonotonic()).isFalse();
        assertThat(metric(scope, "system.disk.io_time").unit()).isEqualTo("s");
    }

    @Test
    void everyMetricFromAFakeRootWithFilters() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/diskstats"), """
                   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                   8       0 sda 100 2 800 1500 50 3 400 2500 1 3000 4000 0 0 0 0 0 0
                   8       1 sda1 10 0 80 150 5 0 40 250 0 300 400 0 0 0 0 0 0
                 259       0 nvme0n1 7 7 7 7 7 7 7 7 7 7 7
                """);
        DiskSettings settings = new DiskSettings(new DeviceFilter(List.of("^sd", "^loop"), "regexp"),
                new DeviceFilter(List.of("sda1"), "strict"), Map.of());
        DiskScraper scraper = new DiskScraper(new ProcFs(root.toString()), settings.deviceFilter());
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(DiskScraper.CATALOG, Map.of()));

        Metric io = metric(scope, "system.disk.io");
        assertThat(points(io).stream().map(p -> attributes(p).get("device")).collect(Collectors.toSet()))
                .as("loop0 is idle, sda1 excluded, nvme0n1 not included").containsExactly("sda");
        assertThat(point(io, "device", "sda", "direction", "read").intValue()).isEqualTo(800 * 512);
        assertThat(point(io, "device", "sda", "direction", "write").intValue()).isEqualTo(400 * 512);
        assertThat(point(metric(scope, "system.disk.operations"), "device", "sda", "direction", "read").intValue())
                .isEqualTo(100);
        assertThat(point(metric(scope, "system.disk.merged"), "device", "sda", "direction", "write").intValue())
                .isEqualTo(3);
        assertThat(point(metric(scope, "system.disk.operation_time"), "device", "sda", "direction", "write")
                .doubleValue()).isEqualTo(2.5);
        assertThat(point(metric(scope, "system.disk.io_time"), "device", "sda").doubleValue()).isEqualTo(3.0);
        assertThat(point(metric(scope, "system.disk.weighted_io_time"), "device", "sda").doubleValue()).isEqualTo(4.0);
        assertThat(point(metric(scope, "system.disk.pending_operations"), "device", "sda").intValue()).isEqualTo(1);
        assertThat(points(io).get(0).startTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    }

    @Test
    void filtersAreCheckedAsUpstreamCreatesThem() {
        assertThatThrownBy(() -> new DiskSettings(null, new DeviceFilter(List.of("sda"), "glob"), null)
                .validateOptions()).hasMessage("exclude::match_type: error creating device exclude filters: "
                        + "unrecognized match_type: 'glob', valid types are: [regexp strict]");
    }

    private static Map<String, long[]> diskstats() throws Exception {
        return Files.readAllLines(Path.of("/proc/diskstats")).stream().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 14).collect(Collectors.toMap(f -> f[2], f -> {
                    long[] v = new long[11];
                    for (int i = 0; i < 11; i++) {
                        v[i] = Long.parseLong(f[i + 3]);
                    }
                    return v;
                }, (a, b) -> a));
    }
}
