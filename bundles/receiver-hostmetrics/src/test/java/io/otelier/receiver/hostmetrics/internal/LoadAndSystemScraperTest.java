package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load and system scrapers against this host's /proc and a fixed fake root. */
class LoadAndSystemScraperTest {

    @TempDir
    Path root;

    @Test
    void loadAveragesMatchProcLoadavg() throws Exception {
        LoadScraper scraper = new LoadScraper(new ProcFs(""), false);
        scraper.start();
        double[] before = loadavg();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(LoadScraper.CATALOG, Map.of()));
        double[] after = loadavg();

        assertThat(names(scope)).containsExactly("system.cpu.load_average.15m", "system.cpu.load_average.1m",
                "system.cpu.load_average.5m");
        String[] names = {"system.cpu.load_average.1m", "system.cpu.load_average.5m", "system.cpu.load_average.15m"};
        for (int i = 0; i < 3; i++) {
            Metric m = metric(scope, names[i]);
            assertThat(m.type()).isEqualTo(MetricType.GAUGE);
            assertThat(m.unit()).isEqualTo("{thread}");
            assertThat(points(m)).singleElement().satisfies(p -> assertThat(p.attributes().isEmpty()).isTrue());
            assertThat(points(m).get(0).doubleValue()).as(names[i])
                    .isBetween(Math.min(before[i], after[i]), Math.max(before[i], after[i]));
        }
    }

    @Test
    void cpuAverageDividesByTheUsableCpus() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/loadavg"), "3.00 1.50 0.75 2/345 6789\n");
        int cpus = ProcFs.usableCpuCount();

        LoadScraper averaged = new LoadScraper(new ProcFs(root.toString()), true);
        averaged.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(averaged, new MetricsBuilder(LoadScraper.CATALOG,
                Map.of("system.cpu.load_average.15m", Scrapes.off())));

        assertThat(cpus).isBetween(1, Scrapes.procStat().size());
        assertThat(names(scope)).containsExactly("system.cpu.load_average.1m", "system.cpu.load_average.5m");
        assertThat(points(metric(scope, "system.cpu.load_average.1m")).get(0).doubleValue())
                .isCloseTo(3.0 / cpus, within(1e-12));
        assertThat(points(metric(scope, "system.cpu.load_average.5m")).get(0).startTimeUnixNano())
                .isEqualTo(1_700_000_000_000_000_000L);
    }

    @Test
    void uptimeIsWholeSecondsSinceBoot() throws Exception {
        SystemScraper scraper = new SystemScraper(new ProcFs(""));
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(SystemScraper.CATALOG, Map.of()));
        double procUptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);

        Metric uptime = metric(scope, "system.uptime");
        assertThat(uptime.type()).isEqualTo(MetricType.GAUGE);
        assertThat(uptime.unit()).isEqualTo("s");
        NumberDataPoint p = points(uptime).get(0);
        assertThat(p.valueType()).isEqualTo(NumberDataPoint.ValueType.DOUBLE);
        assertThat(p.doubleValue()).isEqualTo(p.timeUnixNano() / 1_000_000_000L - Scrapes.bootTime());
        assertThat(p.doubleValue()).as("against /proc/uptime").isCloseTo(procUptime, within(2.0));
    }

    private static double[] loadavg() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }
}
